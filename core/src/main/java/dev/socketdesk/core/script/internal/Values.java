package dev.socketdesk.core.script.internal;

import dev.socketdesk.core.script.Location;
import dev.socketdesk.core.script.ScriptException;
import dev.socketdesk.core.spec.Durations;
import dev.socketdesk.core.spec.SpecException;
import java.time.Duration;

/** Reads single values out of a script: texts, numbers and durations, each with a clear error. */
public final class Values {

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
   * A duration as every front end reads it ({@link Durations}): {@code 500ms}, {@code 2s}, {@code
   * 1.5s}, {@code 1m}, a bare number being seconds, up to 24 h; zero only where {@code zero} says.
   */
  public static Duration duration(YamlNode node, String what, boolean zero) {
    String text = text(node, what);
    Duration parsed;
    try {
      parsed = Durations.parse(text, what, Durations.MAX_INTERVAL);
    } catch (SpecException e) {
      throw new ScriptException(node.location(), what + ": " + e.problem());
    }
    if (parsed.isZero() && !zero) {
      throw new ScriptException(
          node.location(), what + ": '" + text + "' is zero; use more, e.g. 500ms or 2s");
    }
    return parsed;
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
