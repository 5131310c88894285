package dev.socketdesk.core.script.internal;

import dev.socketdesk.engine.codec.Visible;
import java.nio.charset.Charset;
import java.util.Map;

/** A byte string found as a substring: {@code expect: TEXT}, encoded like a send. */
final class TextMatcher implements ByteMatcher {
  private final byte[] needle;
  private final String text;

  TextMatcher(String text, byte[] needle) {
    this.text = text;
    this.needle = needle;
  }

  static TextMatcher of(String text, Charset charset) {
    return new TextMatcher(text, dev.socketdesk.engine.codec.Escapes.encode(text, charset));
  }

  @Override
  public Match find(byte[] data, int from, int to) {
    int n = needle.length;
    if (n == 0) {
      return new Match(from, from, Map.of());
    }
    byte first = needle[0];
    for (int i = from, last = to - n; i <= last; i++) {
      if (data[i] != first) {
        continue;
      }
      int j = 1;
      while (j < n && data[i + j] == needle[j]) {
        j++;
      }
      if (j == n) {
        return new Match(i, i + n, Map.of());
      }
    }
    return null;
  }

  @Override
  public int overlap() {
    return Math.max(0, needle.length - 1);
  }

  @Override
  public String expected() {
    return "\"" + Visible.of(text) + "\"";
  }
}
