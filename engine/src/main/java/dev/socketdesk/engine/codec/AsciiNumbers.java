package dev.socketdesk.engine.codec;

/**
 * Whole numbers as users type them: the ASCII digits 0-9 only. {@link Integer#parseInt} also takes
 * fullwidth and other scripts' digits ({@code ８１０５} is 8105) and a {@code +} sign, which would let
 * a value that looks different from what runs through.
 */
public final class AsciiNumbers {
  /** More digits than this cannot be a long; they are reported as too large, not parsed. */
  private static final int MAX_LONG_DIGITS = 18;

  private AsciiNumbers() {}

  /** True for a non-empty string of the ASCII digits 0-9 only: no sign, space or other script. */
  public static boolean isDigits(CharSequence text) {
    if (text.length() == 0) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** True if {@code text} has a digit of another script, such as fullwidth ８. */
  public static boolean hasOtherDigits(CharSequence text) {
    return text.chars().anyMatch(c -> Character.isDigit(c) && (c < '0' || c > '9'));
  }

  /**
   * The value of ASCII digits with an optional leading {@code -}, or {@code fallback} if {@code
   * text} is anything else or has more than 18 digits (leading zeros included).
   */
  public static long parse(String text, long fallback) {
    boolean negative = text.startsWith("-");
    String digits = negative ? text.substring(1) : text;
    if (!isDigits(digits) || digits.length() > MAX_LONG_DIGITS) {
      return fallback;
    }
    long value = Long.parseLong(digits);
    return negative ? -value : value;
  }
}
