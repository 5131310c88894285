package dev.socketdesk.engine.codec;

import java.nio.charset.Charset;

/**
 * Text with C-style escapes, as typed in a send box or on the command line: {@code \r}, {@code \n},
 * {@code \t}, {@code \\}, {@code \0} and {@code \xHH} (exactly two hex digits, any case). Stateless
 * and thread-safe.
 */
public final class Escapes {
  private static final String CHOICES = "use \\r \\n \\t \\\\ \\0 or \\xHH";

  private Escapes() {}

  /**
   * Turns {@code text} into bytes: the text between escapes is encoded in {@code charset}; {@code
   * \xHH} yields the raw byte HH whatever the charset, so {@code \xFF} is one byte 0xFF.
   *
   * @throws PayloadFormatException naming a bad escape ({@code \q}, {@code \x4}, a trailing
   *     backslash) and its position, or a character {@code charset} cannot encode.
   */
  public static byte[] encode(String text, Charset charset) {
    int backslash = text.indexOf('\\');
    if (backslash < 0) {
      return Charsets.encode(text, charset);
    }
    StrictEncoder out = new StrictEncoder(text, charset);
    int segmentStart = 0;
    int i = backslash;
    while (i >= 0) {
      out.encode(segmentStart, i);
      if (i + 1 >= text.length()) {
        throw new PayloadFormatException(
            "trailing '\\' at position "
                + (i + 1)
                + " of "
                + PayloadFormatException.quote(text, i)
                + " starts no escape; write \\\\ for a backslash",
            i);
      }
      char kind = text.charAt(i + 1);
      int next = i + 2;
      switch (kind) {
        case 'r' -> out.put('\r');
        case 'n' -> out.put('\n');
        case 't' -> out.put('\t');
        case '\\' -> out.put('\\');
        case '0' -> out.put(0);
        case 'x' -> {
          int high = next < text.length() ? Hex.digitValue(text.charAt(next)) : -1;
          int low = next + 1 < text.length() ? Hex.digitValue(text.charAt(next + 1)) : -1;
          if (high < 0 || low < 0) {
            throw new PayloadFormatException(
                "bad escape \""
                    + Visible.of(text.substring(i, Math.min(text.length(), next + 2)))
                    + "\" at position "
                    + (i + 1)
                    + " of "
                    + PayloadFormatException.quote(text, i)
                    + ": \\x needs exactly two hex digits, e.g. \\x0D or \\xFF",
                i);
          }
          out.put(high << 4 | low);
          next += 2;
        }
        default ->
            throw new PayloadFormatException(
                "bad escape \"\\"
                    + Visible.of(String.valueOf(kind))
                    + "\" at position "
                    + (i + 1)
                    + " of "
                    + PayloadFormatException.quote(text, i)
                    + "; "
                    + CHOICES
                    + ", and \\\\ for a backslash",
                i);
      }
      segmentStart = next;
      i = text.indexOf('\\', next);
    }
    out.encode(segmentStart, text.length());
    return out.finish();
  }
}
