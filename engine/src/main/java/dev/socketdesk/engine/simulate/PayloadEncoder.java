package dev.socketdesk.engine.simulate;

import java.nio.charset.StandardCharsets;

/**
 * Turns one payload text, after its placeholders are filled in, into the bytes sent. Front ends
 * pass {@code sendFormat::encode} from the codec package, so text or hex, escapes, the checksum and
 * the line ending are applied exactly as for a normal send.
 *
 * <p>Called on network threads, once per message; must be thread-safe and must throw {@link
 * IllegalArgumentException} with a one-line message for bad input.
 */
@FunctionalInterface
public interface PayloadEncoder {

  byte[] encode(String text);

  /** The text as UTF-8, nothing appended. */
  static PayloadEncoder utf8() {
    return text -> text.getBytes(StandardCharsets.UTF_8);
  }

  /** The text as UTF-8 followed by a line feed. */
  static PayloadEncoder utf8Lines() {
    return text -> (text + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
