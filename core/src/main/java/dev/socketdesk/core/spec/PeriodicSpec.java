package dev.socketdesk.core.spec;

import dev.socketdesk.engine.PeriodicSend;
import dev.socketdesk.engine.codec.SendFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A periodic send. JSON: {@code {"data": "ping", "cycle": false, "intervalMs": 1000, "count": 0}}
 * beside the fields of a {@link SendFormatSpec}.
 *
 * @param data the payload; with {@code cycle}, one payload per non-blank line, sent in turn.
 * @param cycle whether {@code data} holds one payload per line.
 * @param intervalMs 1 ms to {@link Durations#MAX_INTERVAL}; default 1 s.
 * @param count sends in all, 0 (no limit) or more; default 0.
 */
public record PeriodicSpec(String data, Boolean cycle, Duration intervalMs, Long count) {
  public PeriodicSpec {
    data = data == null ? "" : data;
    if (data.length() > SendSpec.MAX_CHARS) {
      throw SpecException.of("data", "is longer than " + SendSpec.MAX_CHARS + " characters");
    }
    cycle = Specs.flag(cycle);
    intervalMs =
        Specs.duration(
            "intervalMs",
            intervalMs,
            Duration.ofSeconds(1),
            Duration.ofMillis(1),
            Durations.MAX_INTERVAL);
    count = Specs.whole("count", count, 0, 0, Long.MAX_VALUE);
  }

  /** The engine's periodic send, payloads in {@code format}. */
  public PeriodicSend periodic(SendFormat format) {
    List<byte[]> payloads = new ArrayList<>();
    if (cycle) {
      for (String line : data.split("\\R")) {
        if (!line.isBlank()) {
          payloads.add(SendSpec.encode("data", format, line));
        }
      }
      if (payloads.isEmpty()) {
        throw SpecException.of("data", "has no line to send; type one payload per line");
      }
    } else {
      payloads.add(SendSpec.encode("data", format, data));
    }
    return new PeriodicSend(payloads, intervalMs, count);
  }
}
