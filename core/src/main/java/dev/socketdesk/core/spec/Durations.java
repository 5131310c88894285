package dev.socketdesk.core.spec;

import dev.socketdesk.engine.codec.AsciiNumbers;
import dev.socketdesk.engine.codec.Visible;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them, for every front end: {@code 500ms}, {@code 1s}, {@code 1.5s},
 * {@code 2m}, {@code 1h}, in the ASCII digits 0-9; a bare number is in the field's unit (seconds
 * unless said otherwise). Rounded to whole milliseconds. The maxima are the specs': {@link
 * #MAX_INTERVAL} for intervals, waits and run times, {@link #MAX_CONNECT_TIMEOUT} for connection
 * attempts.
 */
public final class Durations {
  /** The longest interval, wait or run time any spec takes (periodic sends, simulations). */
  public static final Duration MAX_INTERVAL = Duration.ofHours(24);

  /** The longest connect timeout; the system gives up on a connection attempt long before. */
  public static final Duration MAX_CONNECT_TIMEOUT = Duration.ofMinutes(10);

  private static final Pattern DURATION =
      Pattern.compile("([0-9]+(?:\\.[0-9]+)?)[ \\t]*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

  private Durations() {}

  /**
   * Parses {@code text}, a bare number being seconds.
   *
   * @throws SpecException for {@code field}, naming the value and the fix.
   */
  public static Duration parse(String text, String field, Duration max) {
    return parse(text, field, max, "s");
  }

  /**
   * Parses {@code text}; a bare number is in {@code bareUnit} ({@code ms} or {@code s}).
   *
   * @throws SpecException for {@code field}, naming the value and the fix.
   */
  public static Duration parse(String text, String field, Duration max, String bareUnit) {
    String value = text == null ? "" : text.strip();
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      String what =
          "ms".equals(bareUnit)
              ? "' is not a number of milliseconds; use a whole number, e.g. 1000, or a number"
                  + " with ms, s, m or h"
              : "' is not a duration; use a number with ms, s, m or h, e.g. 500ms or 2s";
      throw SpecException.of(
          field,
          "'"
              + Visible.of(text == null ? "" : text)
              + what
              + (AsciiNumbers.hasOtherDigits(value) ? ", written with the ASCII digits 0-9" : ""));
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? bareUnit : m.group(2).toLowerCase(Locale.ROOT);
    return ofMillis(millis(amount, unit), text, field, max);
  }

  /** A JSON number in {@code unit} ({@code ms} or {@code s}), checked as {@link #parse} does. */
  public static Duration ofNumber(double amount, String unit, String field, Duration max) {
    if (Double.isNaN(amount) || amount < 0) {
      throw SpecException.of(field, amount + " is negative; use 0 or more");
    }
    return ofMillis(millis(amount, unit), String.valueOf(amount), field, max);
  }

  private static double millis(double amount, String unit) {
    return switch (unit) {
      case "ms" -> amount;
      case "m" -> amount * 60_000;
      case "h" -> amount * 3_600_000;
      default -> amount * 1_000;
    };
  }

  private static Duration ofMillis(double millis, String text, String field, Duration max) {
    if (Double.isInfinite(millis) || millis > max.toMillis() + 0.5) {
      throw SpecException.of(
          field, "'" + Visible.of(text) + "' is too long; use at most " + format(max));
    }
    return Duration.ofMillis(Math.round(millis));
  }

  /** {@code d} as the parsers read it back: 500ms, 5s, 2m, 24h. */
  public static String format(Duration d) {
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
