package dev.socketdesk.engine.codec;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Hex as people paste it and as SocketDesk shows it.
 *
 * <p>{@link #parse} accepts pairs of hex digits in any case, optionally prefixed with {@code 0x} or
 * {@code 0X} per token, separated by nothing or by spaces, tabs, newlines, commas, colons, dashes
 * or semicolons: {@code 48 65 6C}, {@code 48656C}, {@code 0x48,0x65}, {@code 48:65:6c}. Each token
 * (the text between separators) must hold an even number of digits, so a dropped digit is reported
 * instead of silently shifting every following byte.
 *
 * <p>Output is the JDK's {@link HexFormat}; only the lenient parser is our own, because {@code
 * HexFormat} takes one fixed delimiter. All methods are stateless and thread-safe.
 */
public final class Hex {
  private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();
  private static final HexFormat SPACED = HexFormat.ofDelimiter(" ").withUpperCase();
  private static final HexFormat COMPACT = HexFormat.of().withUpperCase();
  private static final String EXAMPLE = "use pairs of 0-9/A-F such as 48 65 6C";
  private static final int SEPARATOR = 16;
  private static final int INVALID = -1;
  private static final byte[] CLASSES = new byte[128];

  static {
    Arrays.fill(CLASSES, (byte) INVALID);
    for (char c : " \t\n\r,:-;".toCharArray()) {
      CLASSES[c] = SEPARATOR;
    }
    for (int v = 0; v < 16; v++) {
      CLASSES["0123456789abcdef".charAt(v)] = (byte) v;
      CLASSES["0123456789ABCDEF".charAt(v)] = (byte) v;
    }
  }

  private Hex() {}

  /**
   * Parses hex text into bytes. Empty or blank text yields an empty array.
   *
   * @throws PayloadFormatException naming the bad character and its position: a non-hex character,
   *     a token with an odd number of digits, or a {@code 0x} without digits.
   */
  public static byte[] parse(String text) {
    int length = text.length();
    byte[] bytes = new byte[length / 2];
    int count = 0;
    int i = 0;
    while (i < length) {
      char c = text.charAt(i);
      if (classOf(c) == SEPARATOR) {
        i++;
        continue;
      }
      int tokenStart = i;
      if (c == '0' && i + 1 < length && (text.charAt(i + 1) | 0x20) == 'x') {
        i += 2;
        if (i >= length || classOf(text.charAt(i)) == SEPARATOR) {
          throw new PayloadFormatException(
              "malformed hex "
                  + PayloadFormatException.quote(text, tokenStart)
                  + ": '0x' at position "
                  + (tokenStart + 1)
                  + " has no digits after it; "
                  + EXAMPLE,
              tokenStart);
        }
      }
      int digitsStart = i;
      while (i < length) {
        int high = classOf(text.charAt(i));
        if (high == SEPARATOR) {
          break;
        }
        if (high < 0) {
          throw notADigit(text, i);
        }
        int low = i + 1 < length ? classOf(text.charAt(i + 1)) : SEPARATOR;
        if (low == SEPARATOR) {
          throw oddDigits(text, tokenStart, i, i - digitsStart + 1);
        }
        if (low < 0) {
          throw notADigit(text, i + 1);
        }
        bytes[count++] = (byte) (high << 4 | low);
        i += 2;
      }
    }
    return count == bytes.length ? bytes : Arrays.copyOf(bytes, count);
  }

  /** Upper-case pairs separated by single spaces: {@code "48 65 6C"}; {@code ""} when empty. */
  public static String format(byte[] data) {
    return SPACED.formatHex(data);
  }

  /** Like {@link #format(byte[])} for {@code len} bytes of {@code data} from {@code off}. */
  public static String format(byte[] data, int off, int len) {
    return SPACED.formatHex(data, off, off + len);
  }

  /** Upper-case pairs without separators: {@code "48656C"}. */
  public static String formatCompact(byte[] data) {
    return COMPACT.formatHex(data);
  }

  /** Appends {@code \xHH} for one byte. */
  static void appendByteEscape(StringBuilder out, int b) {
    appendPair(out.append('\\').append('x'), b);
  }

  /** Appends the two upper-case hex digits of the low byte of {@code b}. */
  static void appendPair(StringBuilder out, int b) {
    out.append(DIGITS[(b >> 4) & 0xF]).append(DIGITS[b & 0xF]);
  }

  /** The value of an ASCII hex digit, or -1. */
  static int digitValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** 0 to 15 for a hex digit, {@link #SEPARATOR}, or {@link #INVALID}. */
  private static int classOf(char c) {
    return c < 128 ? CLASSES[c] : INVALID;
  }

  private static PayloadFormatException notADigit(String text, int index) {
    return new PayloadFormatException(
        "malformed hex "
            + PayloadFormatException.quote(text, index)
            + ": "
            + PayloadFormatException.describe(text.charAt(index))
            + " at position "
            + (index + 1)
            + " is not a hex digit; "
            + EXAMPLE,
        index);
  }

  private static PayloadFormatException oddDigits(
      String text, int tokenStart, int lastDigit, int digits) {
    String token = text.substring(tokenStart, lastDigit + 1);
    if (token.length() > 20) {
      token = token.substring(0, 8) + "..." + token.substring(token.length() - 8);
    }
    char last = text.charAt(lastDigit);
    return new PayloadFormatException(
        "malformed hex "
            + PayloadFormatException.quote(text, lastDigit)
            + ": '"
            + token
            + "' has an odd number of digits ("
            + digits
            + "), so '"
            + last
            + "' at position "
            + (lastDigit + 1)
            + " has no pair; write every byte as two digits, e.g. 0"
            + last,
        lastDigit);
  }
}
