package dev.socketdesk.core.spec;

import dev.socketdesk.engine.codec.Checksum;
import dev.socketdesk.engine.codec.LineEnding;
import dev.socketdesk.engine.codec.PayloadMode;
import dev.socketdesk.engine.codec.SendFormat;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * How typed payloads become bytes. JSON: {@code {"mode": "text", "encoding": "UTF-8", "escapes":
 * true, "lineEnding": "none", "checksum": "none"}}, every field optional (these are the defaults).
 * The fields sit beside the other fields of a send, a periodic send or a simulation.
 *
 * @param mode text or hex.
 * @param encoding any Java charset name or alias.
 * @param escapes whether text understands {@code \r \n \t \xHH}.
 * @param lineEnding none, cr, lf or crlf.
 * @param checksum none, sum8, xor8, crc16-modbus, crc16-ccitt or crc32.
 */
public record SendFormatSpec(
    PayloadMode mode, Charset encoding, Boolean escapes, LineEnding lineEnding, Checksum checksum) {
  public SendFormatSpec {
    mode = mode == null ? PayloadMode.TEXT : mode;
    encoding = encoding == null ? StandardCharsets.UTF_8 : encoding;
    escapes = escapes == null || escapes;
    lineEnding = lineEnding == null ? LineEnding.NONE : lineEnding;
    checksum = checksum == null ? Checksum.NONE : checksum;
  }

  /** The spec of {@code format}. */
  public static SendFormatSpec of(SendFormat format) {
    return new SendFormatSpec(
        format.mode(), format.charset(), format.escapes(), format.lineEnding(), format.checksum());
  }

  public SendFormat format() {
    return new SendFormat(mode, encoding, escapes, lineEnding, checksum);
  }
}
