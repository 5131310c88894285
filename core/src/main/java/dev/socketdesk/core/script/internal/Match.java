package dev.socketdesk.core.script.internal;

import java.util.Map;

/** Where a pattern matched in a buffer: bytes {@code [start, end)}, and its named groups. */
record Match(int start, int end, Map<String, String> groups) {}
