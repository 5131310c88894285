package dev.socketdesk.engine.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;

/** Looks up encodings by the names users type, and encodes text without silent replacement. */
public final class Charsets {
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
              + (name == null ? "" : name)
              + "'; use UTF-8, GBK, GB18030, ISO-8859-1, US-ASCII or another Java charset name");
    }
    if (!charset.canEncode()) {
      throw new IllegalArgumentException(
          "encoding '"
              + name
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
    return encode(text, 0, text.length(), strictEncoder(charset));
  }

  /** An encoder that reports, rather than replaces, what it cannot encode. */
  static CharsetEncoder strictEncoder(Charset charset) {
    return charset
        .newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * Encodes {@code text[start, end)}; error positions and quotes refer to the whole {@code text}.
   */
  static byte[] encode(CharSequence text, int start, int end, CharsetEncoder encoder) {
    if (start >= end) {
      return new byte[0];
    }
    encoder.reset();
    CharBuffer in = CharBuffer.wrap(text, start, end);
    long estimate = (long) Math.ceil((end - start) * (double) encoder.averageBytesPerChar()) + 16;
    ByteBuffer out = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, estimate));
    while (true) {
      CoderResult result =
          in.hasRemaining() ? encoder.encode(in, out, true) : CoderResult.UNDERFLOW;
      if (result.isUnderflow()) {
        result = encoder.flush(out);
      }
      if (result.isUnderflow()) {
        break;
      }
      if (result.isOverflow()) {
        out = grow(out);
      } else {
        throw unencodable(text, in.position(), encoder.charset(), result);
      }
    }
    return Arrays.copyOf(out.array(), out.position());
  }

  private static ByteBuffer grow(ByteBuffer out) {
    ByteBuffer bigger = ByteBuffer.allocate(out.capacity() * 2 + 16);
    out.flip();
    return bigger.put(out);
  }

  private static PayloadFormatException unencodable(
      CharSequence text, int position, Charset charset, CoderResult result) {
    char c = text.charAt(position);
    String what =
        Character.isSurrogate(c) && result.isMalformed()
            ? String.format("an unpaired surrogate U+%04X", (int) c)
            : PayloadFormatException.describe(c);
    return new PayloadFormatException(
        what
            + " at position "
            + (position + 1)
            + " of "
            + PayloadFormatException.quote(text, position)
            + " cannot be encoded in "
            + charset.name()
            + "; choose an encoding that has it (e.g. UTF-8) or write its bytes as \\xHH",
        position);
  }
}
