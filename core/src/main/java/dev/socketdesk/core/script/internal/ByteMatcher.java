package dev.socketdesk.core.script.internal;

/** Finds a pattern in received bytes. */
interface ByteMatcher {

  /** The first match in {@code data[from, to)}, or null. */
  Match find(byte[] data, int from, int to);

  /**
   * How far before the end of data already searched a match may still start once more data arrives:
   * the pattern's length minus one; -1 when the whole unconsumed data must be searched again
   * (regular expressions).
   */
  int overlap();

  /** What is expected, for failure reports. */
  String expected();
}
