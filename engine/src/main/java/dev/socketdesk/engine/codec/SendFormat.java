package dev.socketdesk.engine.codec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How a typed payload becomes the bytes that are sent: the payload itself (text in {@code charset},
 * with or without escapes, or hex), then the {@code checksum} over those payload bytes, then the
 * {@code lineEnding}. Immutable and thread-safe.
 *
 * @param mode text or hex.
 * @param charset the encoding of text payloads; ignored for hex.
 * @param escapes whether text payloads understand {@link Escapes}; ignored for hex.
 * @param lineEnding appended last, after the checksum.
 * @param checksum computed over the payload bytes only, appended before the line ending.
 */
public record SendFormat(
    PayloadMode mode, Charset charset, boolean escapes, LineEnding lineEnding, Checksum checksum) {

  public SendFormat {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(lineEnding, "lineEnding");
    Objects.requireNonNull(checksum, "checksum");
  }

  /** Text in {@code charset} with escapes, no checksum, no line ending. */
  public static SendFormat text(Charset charset) {
    return new SendFormat(PayloadMode.TEXT, charset, true, LineEnding.NONE, Checksum.NONE);
  }

  /** Hex input, no checksum, no line ending (charset UTF-8, unused until the mode changes). */
  public static SendFormat hex() {
    return new SendFormat(
        PayloadMode.HEX, StandardCharsets.UTF_8, true, LineEnding.NONE, Checksum.NONE);
  }

  public SendFormat withMode(PayloadMode mode) {
    return new SendFormat(mode, charset, escapes, lineEnding, checksum);
  }

  public SendFormat withCharset(Charset charset) {
    return new SendFormat(mode, charset, escapes, lineEnding, checksum);
  }

  public SendFormat withEscapes(boolean escapes) {
    return new SendFormat(mode, charset, escapes, lineEnding, checksum);
  }

  public SendFormat withLineEnding(LineEnding lineEnding) {
    return new SendFormat(mode, charset, escapes, lineEnding, checksum);
  }

  public SendFormat withChecksum(Checksum checksum) {
    return new SendFormat(mode, charset, escapes, lineEnding, checksum);
  }

  /**
   * The bytes to send for {@code input}: payload, checksum over the payload, line ending.
   *
   * @throws PayloadFormatException with a one-line message when the input is malformed hex, has a
   *     bad escape, or holds a character {@code charset} cannot encode.
   */
  public byte[] encode(String input) {
    byte[] payload = payload(input);
    int extra = checksum.width() + lineEnding.length();
    if (extra == 0) {
      return payload;
    }
    byte[] wire = new byte[payload.length + extra];
    System.arraycopy(payload, 0, wire, 0, payload.length);
    checksum.appendInPlace(wire, payload.length);
    lineEnding.appendTo(wire, payload.length + checksum.width());
    return wire;
  }

  /** The payload bytes alone, without checksum or line ending. */
  public byte[] payload(String input) {
    if (mode == PayloadMode.HEX) {
      return Hex.parse(input);
    }
    return escapes ? Escapes.encode(input, charset) : Charsets.encode(input, charset);
  }
}
