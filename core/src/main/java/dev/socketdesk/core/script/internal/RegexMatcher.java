package dev.socketdesk.core.script.internal;

import dev.socketdesk.engine.codec.Visible;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code expect-regex} and {@code expect-none}: a Java regular expression over the unconsumed data
 * decoded in the step's encoding (malformed bytes become U+FFFD). The match's end is mapped back to
 * a byte offset by encoding the text before it, exact for data that is valid in the encoding.
 */
final class RegexMatcher implements ByteMatcher {
  private static final java.util.regex.Pattern GROUP =
      Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

  private final Pattern pattern;
  private final Charset charset;
  private final java.util.List<String> groups;

  RegexMatcher(String regex, Charset charset) {
    this.pattern = Pattern.compile(regex);
    this.charset = charset;
    java.util.List<String> names = new java.util.ArrayList<>();
    java.util.regex.Matcher m = GROUP.matcher(regex);
    while (m.find()) {
      names.add(m.group(1));
    }
    this.groups = java.util.List.copyOf(names);
  }

  @Override
  public Match find(byte[] data, int from, int to) {
    String text = decode(data, from, to);
    java.util.regex.Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : groups) {
      String value = m.group(name);
      values.put(name, value == null ? "" : value);
    }
    int start = from + bytes(text.substring(0, m.start()));
    int end = start + bytes(text.substring(m.start(), m.end()));
    return new Match(start, Math.min(end, to), values);
  }

  private String decode(byte[] data, int from, int to) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(data, from, to - from))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder does not throw", e);
    }
  }

  private int bytes(String text) {
    return text.isEmpty() ? 0 : text.getBytes(charset).length;
  }

  @Override
  public int overlap() {
    return -1;
  }

  @Override
  public String expected() {
    return "regex /" + Visible.of(pattern.pattern()) + "/";
  }
}
