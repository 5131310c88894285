package dev.socketdesk.engine.codec;

/**
 * User input made safe to quote in a one-line message: line breaks and tabs as {@code \r \n \t},
 * every other control character (C0, DEL, C1) as <code>&#92;u0007</code>. The result holds no
 * control characters, so quoted input can neither break the line nor drive the terminal.
 */
public final class Visible {
  private Visible() {}

  /** {@code text} with its control characters escaped; {@code ""} for null. */
  public static String of(CharSequence text) {
    if (text == null) {
      return "";
    }
    int length = text.length();
    int i = 0;
    while (i < length && !Character.isISOControl(text.charAt(i))) {
      i++;
    }
    if (i == length) {
      return text.toString();
    }
    StringBuilder out = new StringBuilder(length + 16).append(text, 0, i);
    for (; i < length; i++) {
      append(out, text.charAt(i));
    }
    return out.toString();
  }

  /** Appends {@code c}, escaped if it is a control character. */
  static void append(StringBuilder out, char c) {
    switch (c) {
      case '\r' -> out.append("\\r");
      case '\n' -> out.append("\\n");
      case '\t' -> out.append("\\t");
      default -> {
        if (Character.isISOControl(c)) {
          out.append("\\u00");
          Hex.appendPair(out, c);
        } else {
          out.append(c);
        }
      }
    }
  }
}
