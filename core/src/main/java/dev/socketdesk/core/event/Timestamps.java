package dev.socketdesk.core.event;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Formats instants as local time to the millisecond, the same text as a {@link DateTimeFormatter}
 * whose pattern has {@code .SSS} between {@code before} and {@code after}, but building only the
 * result per call: everything except the milliseconds is formatted once per second and cached.
 * Thread-safe; the cache is one immutable entry.
 */
public final class Timestamps {
  private record Second(long epochSecond, String prefix, String suffix) {}

  private final DateTimeFormatter before;
  private final DateTimeFormatter after;
  private volatile Second cached = new Second(Long.MIN_VALUE, "", "");

  /**
   * @param before the pattern up to and including the dot before the milliseconds, such as {@code
   *     HH:mm:ss.}
   * @param after the pattern after the milliseconds, such as {@code XXX}; may be empty
   */
  public Timestamps(String before, String after, ZoneId zone) {
    this.before = DateTimeFormatter.ofPattern(before).withZone(zone);
    this.after = DateTimeFormatter.ofPattern(after).withZone(zone);
  }

  public String format(Instant time) {
    long epochSecond = time.getEpochSecond();
    Second second = cached;
    if (second.epochSecond != epochSecond) {
      Instant whole = Instant.ofEpochSecond(epochSecond);
      second = new Second(epochSecond, before.format(whole), after.format(whole));
      cached = second;
    }
    int millis = time.getNano() / 1_000_000;
    return new StringBuilder(second.prefix.length() + 3 + second.suffix.length())
        .append(second.prefix)
        .append((char) ('0' + millis / 100))
        .append((char) ('0' + millis / 10 % 10))
        .append((char) ('0' + millis % 10))
        .append(second.suffix)
        .toString();
  }
}
