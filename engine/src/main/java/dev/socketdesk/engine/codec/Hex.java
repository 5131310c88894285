package dev.socketdesk.engine.codec;

import java.util.Arrays;
import java.util.Objects;

/**
 * Hex as people paste it and as SocketDesk shows it.
 *
 * <p>{@link #parse} accepts pairs of hex digits in any case, optionally prefixed with {@code 0x} or
 * {@code 0X} per token, separated by nothing or by spaces, tabs, newlines, commas, colons, dashes
 * or semicolons: {@code 48 65 6C}, {@code 48656C}, {@code 0x48,0x65}, {@code 48:65:6c}. Each token
 * (the text between separators) must hold an even number of digits, so a dropped digit is reported
 * instead of silently shifting every following byte.
 *
 * <p>All methods are stateless and thread-safe.
 */
public final class Hex {
  private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();
  private static final String EXAMPLE = "use pairs of 0-9/A-F such as 48 65 6C";

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
      if (isSeparator(c)) {
        i++;
        continue;
      }
      int tokenStart = i;
      if (c == '0' && i + 1 < length && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')) {
        i += 2;
        if (i >= length || isSeparator(text.charAt(i))) {
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
      while (i < length && !isSeparator(text.charAt(i))) {
        int high = digit(text, i);
        if (i + 1 >= length || isSeparator(text.charAt(i + 1))) {
          throw oddDigits(text, tokenStart, i, i - digitsStart + 1);
        }
        int low = digit(text, i + 1);
        bytes[count++] = (byte) (high << 4 | low);
        i += 2;
      }
    }
    return count == bytes.length ? bytes : Arrays.copyOf(bytes, count);
  }

  /** Upper-case pairs separated by single spaces: {@code "48 65 6C"}; {@code ""} when empty. */
  public static String format(byte[] data) {
    return format(data, 0, data.length);
  }

  /** Like {@link #format(byte[])} for {@code len} bytes of {@code data} from {@code off}. */
  public static String format(byte[] data, int off, int len) {
    Objects.checkFromIndexSize(off, len, data.length);
    if (len == 0) {
      return "";
    }
    char[] chars = new char[len * 3 - 1];
    int p = 0;
    for (int i = off, end = off + len; i < end; i++) {
      if (p > 0) {
        chars[p++] = ' ';
      }
      int b = data[i];
      chars[p++] = DIGITS[(b >> 4) & 0xF];
      chars[p++] = DIGITS[b & 0xF];
    }
    return new String(chars);
  }

  /** Upper-case pairs without separators: {@code "48656C"}. */
  public static String formatCompact(byte[] data) {
    char[] chars = new char[data.length * 2];
    for (int i = 0; i < data.length; i++) {
      int b = data[i];
      chars[2 * i] = DIGITS[(b >> 4) & 0xF];
      chars[2 * i + 1] = DIGITS[b & 0xF];
    }
    return new String(chars);
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

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':' || c == '-'
        || c == ';';
  }

  private static int digit(String text, int index) {
    char c = text.charAt(index);
    int value = digitValue(c);
    if (value < 0) {
      throw new PayloadFormatException(
          "malformed hex "
              + PayloadFormatException.quote(text, index)
              + ": "
              + PayloadFormatException.describe(c)
              + " at position "
              + (index + 1)
              + " is not a hex digit; "
              + EXAMPLE,
          index);
    }
    return value;
  }

  private static PayloadFormatException oddDigits(
      String text, int tokenStart, int lastDigit, int digits) {
    int end = lastDigit + 1;
    return new PayloadFormatException(
        "malformed hex "
            + PayloadFormatException.quote(text, lastDigit)
            + ": '"
            + text.substring(tokenStart, end)
            + "' at position "
            + (tokenStart + 1)
            + " has an odd number of digits ("
            + digits
            + "); write every byte as two digits, e.g. 0"
            + text.charAt(lastDigit)
            + " for "
            + text.charAt(lastDigit),
        lastDigit);
  }
}
