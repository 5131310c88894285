package dev.socketdesk.engine.codec;

import java.util.Locale;

/** The line ending appended to each payload that is sent. */
public enum LineEnding {
  NONE(new byte[0]),
  CR(new byte[] {'\r'}),
  LF(new byte[] {'\n'}),
  CRLF(new byte[] {'\r', '\n'});

  private final byte[] bytes;

  LineEnding(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The bytes appended (a fresh copy); empty for {@link #NONE}. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The number of bytes appended. */
  public int length() {
    return bytes.length;
  }

  /**
   * Parses {@code none}, {@code cr}, {@code lf} or {@code crlf}, case-insensitive.
   *
   * @throws IllegalArgumentException with a one-line message naming the value and the choices.
   */
  public static LineEnding parse(String text) {
    String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (LineEnding ending : values()) {
      if (ending.name().equals(name)) {
        return ending;
      }
    }
    throw new IllegalArgumentException(
        "unknown line ending '" + text + "'; use none, cr, lf or crlf");
  }

  void appendTo(byte[] target, int offset) {
    System.arraycopy(bytes, 0, target, offset, bytes.length);
  }
}
