package dev.socketdesk.engine.codec;

/**
 * A payload the user typed (hex, escapes, text in an encoding) cannot be turned into bytes. The
 * message is one line that names the bad input, where it is, and how to fix it; messages count
 * positions from 1, {@link #position()} counts from 0.
 */
public final class PayloadFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int position;

  /**
   * @param message one line, naming the bad input and the fix.
   * @param position the 0-based index of the offending character in the input.
   */
  public PayloadFormatException(String message, int position) {
    super(message);
    this.position = position;
  }

  /** The 0-based index of the offending character in the input. */
  public int position() {
    return position;
  }

  /**
   * The input quoted for a one-line message: control characters escaped, long input shortened
   * around {@code position}.
   */
  static String quote(CharSequence input, int position) {
    final int max = 48;
    int start = 0;
    int end = input.length();
    if (end > max) {
      start = Math.max(0, Math.min(position - max / 2, end - max));
      end = Math.min(end, start + max);
    }
    StringBuilder quoted = new StringBuilder(end - start + 8).append('"');
    if (start > 0) {
      quoted.append("...");
    }
    for (int i = start; i < end; i++) {
      Visible.append(quoted, input.charAt(i));
    }
    if (end < input.length()) {
      quoted.append("...");
    }
    return quoted.append('"').toString();
  }

  /** A single character for a message: {@code 'G'}, or {@code U+00E9 'é'} beyond ASCII. */
  static String describe(char c) {
    if (c >= 0x20 && c < 0x7F) {
      return "'" + c + "'";
    }
    StringBuilder text = new StringBuilder(String.format("U+%04X", (int) c));
    if (!Character.isISOControl(c) && !Character.isSurrogate(c)) {
      text.append(" '").append(c).append('\'');
    }
    return text.toString();
  }
}
