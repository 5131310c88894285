package dev.socketdesk.engine;

import java.time.Duration;
import java.util.List;

/**
 * Send payloads on a timer, cycling through the list: with {@code Hello Handbit} and {@code I'am
 * MixNo} the sends alternate. A tick with nobody to send to (no client connected yet) is skipped
 * and not counted.
 *
 * @param payloads one or more payloads, sent in turn.
 * @param interval time between sends; at least 1 ms.
 * @param count how many sends in all; 0 for no limit.
 */
public record PeriodicSend(List<byte[]> payloads, Duration interval, long count) {
  public PeriodicSend {
    if (payloads == null || payloads.isEmpty()) {
      throw new IllegalArgumentException("periodic send needs at least one payload");
    }
    payloads = payloads.stream().map(byte[]::clone).toList();
    if (interval == null || interval.toMillis() < 1) {
      throw new IllegalArgumentException(
          "interval " + interval + " is too short; use at least 1 ms, e.g. 1s or 100ms");
    }
    if (count < 0) {
      throw new IllegalArgumentException("count " + count + " is negative; use 0 for no limit");
    }
  }

  /** The payload of the {@code n}-th send, counting from 0. */
  public byte[] payload(long n) {
    return payloads.get((int) (n % payloads.size()));
  }
}
