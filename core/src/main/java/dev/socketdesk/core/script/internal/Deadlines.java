package dev.socketdesk.core.script.internal;

import java.time.Duration;

/** Deadlines as {@link System#nanoTime()} values. */
final class Deadlines {
  private Deadlines() {}

  static long after(Duration d) {
    return System.nanoTime() + Math.min(d.toNanos(), Long.MAX_VALUE / 4);
  }

  /** Nanoseconds left until {@code deadline}, at most {@code cap}, at least 1. */
  static long left(long deadline, Duration cap) {
    return Math.max(1, Math.min(deadline - System.nanoTime(), cap.toNanos()));
  }

  static String show(Duration d) {
    return dev.socketdesk.core.spec.Durations.format(d);
  }
}
