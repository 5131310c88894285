package dev.socketdesk.app.internal;

import java.util.function.Supplier;

/** Encoding of user-given payloads, with failures turned into usage errors. */
final class Payloads {
  private Payloads() {}

  /** Runs {@code encoder}; a bad payload becomes a {@link CliFailure} (usage). */
  static byte[] encode(Supplier<byte[]> encoder) {
    try {
      return encoder.get();
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage(e.getMessage());
    }
  }
}
