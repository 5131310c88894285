package dev.socketdesk.core.script.internal;

import dev.socketdesk.core.script.Location;
import dev.socketdesk.core.script.ScriptException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads single values out of a script: texts, numbers and durations, each with a clear error. */
public final class Values {
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,3})?)(ms|s|m|h)");
  private static final Duration MAX_DURATION = Duration.ofDays(7);

  private Values() {}

  /** The text of a scalar; a list or mapping is an error naming {@code what}. */
  public static String text(YamlNode node, String what) {
    if (node instanceof YamlNode.Scalar s && s.text() != null) {
      return s.text();
    }
    throw new ScriptException(
        node.location(),
        what + " needs a single value here, not " + node.kind() + "; e.g. " + example(what));
  }

  /** A whole number within {@code [min, max]}. */
  public static int number(YamlNode node, String what, int min, int max) {
    String text = text(node, what).strip();
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ScriptException(
        node.location(),
        "bad " + what + " '" + text + "'; use a whole number from " + min + " to " + max);
  }

  /**
   * A duration such as {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 1m}, {@code 1h}, up to 7
   * days; {@code 0} is allowed where {@code zero} says so.
   */
  public static Duration duration(YamlNode node, String what, boolean zero) {
    String text = text(node, what).strip().toLowerCase(Locale.ROOT);
    Duration parsed = parseDuration(text);
    if (parsed != null && (zero || !parsed.isZero()) && parsed.compareTo(MAX_DURATION) <= 0) {
      return parsed;
    }
    throw new ScriptException(
        node.location(),
        "bad duration '"
            + text(node, what)
            + "' for "
            + what
            + "; write a number and a unit, e.g. 500ms, 2s, 1.5s or 1m"
            + (zero ? "" : " (more than zero)")
            + ", at most 7 days");
  }

  /** Parses {@code 500ms}, {@code 2s}... or returns null. */
  public static Duration parseDuration(String text) {
    if ("0".equals(text)) {
      return Duration.ZERO;
    }
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      return null;
    }
    BigDecimal amount = new BigDecimal(m.group(1));
    long perUnit =
        switch (m.group(2)) {
          case "ms" -> 1;
          case "s" -> 1000;
          case "m" -> 60_000;
          default -> 3_600_000;
        };
    BigDecimal millis = amount.multiply(BigDecimal.valueOf(perUnit));
    if (millis.stripTrailingZeros().scale() > 0) {
      return null;
    }
    return Duration.ofMillis(millis.longValueExact());
  }

  /** A location {@code offset} characters into a one-line scalar, else the scalar's own. */
  public static Location within(YamlNode.Scalar scalar, int offset) {
    Location at = scalar.location();
    return new Location(at.file(), at.line(), at.column() + offset + (scalar.quoted() ? 1 : 0));
  }

  /** {@code text} in single quotes, control characters escaped, long texts shortened. */
  public static String quote(String text) {
    String visible = dev.socketdesk.engine.codec.Visible.of(text);
    return "'" + (visible.length() > 80 ? visible.substring(0, 77) + "..." : visible) + "'";
  }

  private static String example(String what) {
    return switch (what) {
      case "timeout", "within", "wait", "accept-timeout", "every" -> what + ": 2s";
      case "repeat" -> "repeat: 10";
      default -> what + ": VALUE";
    };
  }
}
