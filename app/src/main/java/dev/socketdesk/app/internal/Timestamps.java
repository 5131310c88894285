package dev.socketdesk.app.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Formats instants as local time to the millisecond, the same text as a {@link DateTimeFormatter}
 * whose pattern has {@code .SSS} between {@code before} and {@code after}, but with one small
 * string per call: everything except the milliseconds is formatted once per second and cached.
 * Thread-safe; the cache is one immutable entry.
 */
final class Timestamps {
  private static final String[] MILLIS = new String[1000];

  static {
    for (int i = 0; i < MILLIS.length; i++) {
      MILLIS[i] = String.format("%03d", i);
    }
  }

  private record Second(long epochSecond, String prefix, String suffix) {}

  private final DateTimeFormatter before;
  private final DateTimeFormatter after;
  private volatile Second cached = new Second(Long.MIN_VALUE, "", "");

  /**
   * @param before the pattern up to and including the dot before the milliseconds, such as {@code
   *     HH:mm:ss.}
   * @param after the pattern after the milliseconds, such as {@code XXX}; may be empty
   */
  Timestamps(String before, String after, ZoneId zone) {
    this.before = DateTimeFormatter.ofPattern(before).withZone(zone);
    this.after = DateTimeFormatter.ofPattern(after).withZone(zone);
  }

  String format(Instant time) {
    long epochSecond = time.getEpochSecond();
    Second second = cached;
    if (second.epochSecond != epochSecond) {
      Instant whole = Instant.ofEpochSecond(epochSecond);
      second = new Second(epochSecond, before.format(whole), after.format(whole));
      cached = second;
    }
    return second.prefix + MILLIS[time.getNano() / 1_000_000] + second.suffix;
  }
}
