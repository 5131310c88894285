package dev.socketdesk.engine.codec;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;

/** Looks up encodings by the names users type, and encodes text without silent replacement. */
public final class Charsets {
  /**
   * The encodings the web UI offers in its encoding menus, in menu order; every one can encode and
   * decode. Any other Java charset name still works where a name is typed.
   */
  public static final List<String> OFFERED =
      List.of(
          "UTF-8",
          "GBK",
          "GB18030",
          "Big5",
          "ISO-8859-1",
          "US-ASCII",
          "UTF-16LE",
          "UTF-16BE",
          "Shift_JIS",
          "EUC-KR",
          "windows-1252");

  private Charsets() {}

  /**
   * The charset for any Java charset name or alias, case-insensitive: {@code UTF-8}, {@code utf8},
   * {@code GBK}, {@code gb2312}, {@code GB18030}, {@code latin1}, {@code US-ASCII}...
   *
   * @throws IllegalArgumentException with a one-line message when the name is blank, unknown, or
   *     names a charset Java can only decode (SocketDesk also sends in the chosen encoding).
   */
  public static Charset forName(String name) {
    String trimmed = name == null ? "" : name.trim();
    Charset charset;
    try {
      charset = Charset.forName(trimmed);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new IllegalArgumentException(
          "unknown encoding '"
              + Visible.of(name)
              + "'; use UTF-8, GBK, GB18030, ISO-8859-1, US-ASCII or another Java charset name");
    }
    if (!charset.canEncode()) {
      throw new IllegalArgumentException(
          "encoding '"
              + Visible.of(name)
              + "' can only be decoded by Java, not encoded; use UTF-8, GBK, GB18030 or another"
              + " Java charset name");
    }
    return charset;
  }

  /**
   * Encodes {@code text} in {@code charset}, refusing characters the charset cannot represent
   * instead of replacing them with {@code ?}.
   *
   * @throws PayloadFormatException naming the first character that cannot be encoded and its
   *     position.
   */
  public static byte[] encode(CharSequence text, Charset charset) {
    StrictEncoder encoder = new StrictEncoder(text, charset);
    encoder.encode(0, text.length());
    return encoder.finish();
  }
}
