package dev.socketdesk.app.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * When a shard starts: an ISO-8601 time ({@code 2026-12-02T08:00:00Z}, with an offset, or local
 * time without one) or a delay from now ({@code +30s}).
 *
 * @param at the moment to start.
 * @param absolute whether it was given as a time (every shard sees the same moment) rather than as
 *     a delay.
 */
public record StartAt(Instant at, boolean absolute) {

  /**
   * Parses {@code text} against {@code clock}.
   *
   * @throws CliFailure (usage) naming the value and the accepted forms.
   */
  public static StartAt parse(String text, Clock clock) {
    String t = text.trim();
    try {
      if (t.startsWith("+")) {
        Duration delay =
            Converters.parseDuration(t.substring(1), "start delay", Duration.ofDays(1));
        return new StartAt(clock.instant().plus(delay), false);
      }
      if (t.endsWith("Z") || t.endsWith("z")) {
        return new StartAt(Instant.parse(t.toUpperCase(Locale.ROOT)), true);
      }
      try {
        return new StartAt(OffsetDateTime.parse(t).toInstant(), true);
      } catch (DateTimeParseException noOffset) {
        ZoneId zone = clock.getZone();
        return new StartAt(LocalDateTime.parse(t).atZone(zone).toInstant(), true);
      }
    } catch (DateTimeParseException | picocli.CommandLine.TypeConversionException e) {
      throw CliFailure.usage(
          "--start-at '"
              + text
              + "' is not a time; use ISO-8601 such as 2026-12-02T08:00:00Z, or a delay such as"
              + " +30s");
    }
  }

  /** How long to wait from now; zero when the moment has passed. */
  public Duration delay(Clock clock) {
    Duration d = Duration.between(clock.instant(), at);
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** One line for the shard's output: how long it waits, or that it is late and starts now. */
  public String describe(Clock clock, String who) {
    Duration d = Duration.between(clock.instant(), at);
    if (d.isNegative() || d.isZero()) {
      return String.format(
          Locale.ROOT,
          "%s: the start time %s passed %.1f s ago; starting now",
          who,
          at,
          -d.toMillis() / 1000.0);
    }
    return String.format(
        Locale.ROOT, "%s: waiting %.1f s, until %s, to start", who, d.toMillis() / 1000.0, at);
  }
}
