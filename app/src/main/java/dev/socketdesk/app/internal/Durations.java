package dev.socketdesk.app.internal;

import java.time.Duration;

/** Durations as the command line writes them: 500ms, 5s, 2m, 24h; they parse back the same. */
final class Durations {
  private Durations() {}

  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1_000 == 0 && ms > 0) {
      return ms / 1_000 + "s";
    }
    return ms + "ms";
  }
}
