package dev.socketdesk.core.spec;

import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.codec.PayloadFormatException;
import dev.socketdesk.engine.codec.SendFormat;

/**
 * One send. JSON: {@code {"data": "Hello\r\n", "peer": 3, "to": "192.168.4.1:5000"}} beside the
 * fields of a {@link SendFormatSpec}.
 *
 * @param data the payload as typed, at most {@value #MAX_CHARS} characters.
 * @param peer the peer to send to; null for the session's default (every client, the server).
 * @param to UDP: the address to send to; null for the default.
 */
public record SendSpec(String data, Integer peer, HostPort to) {
  public static final int MAX_CHARS = 1 << 20;

  public SendSpec {
    data = data == null ? "" : data;
    if (data.length() > MAX_CHARS) {
      throw SpecException.of(
          "data", "is longer than " + MAX_CHARS + " characters; use Send file instead");
    }
  }

  /** The bytes to send, in {@code format}. */
  public byte[] bytes(SendFormat format) {
    return encode("data", format, data);
  }

  /** {@code text} in {@code format}; a malformed payload names {@code field}. */
  static byte[] encode(String field, SendFormat format, String text) {
    try {
      return format.encode(text);
    } catch (PayloadFormatException e) {
      throw SpecException.worded(field, e.getMessage());
    }
  }
}
