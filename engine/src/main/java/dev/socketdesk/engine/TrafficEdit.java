package dev.socketdesk.engine;

import java.util.List;
import java.util.Locale;

/**
 * A forward session's edit of relayed data: every match of {@code rule} going {@code direction} is
 * replaced by the rule's response, or dropped when the response is empty. Matching works as for
 * reply rules, over the stream, so a match split across reads is still edited; bytes that match no
 * rule pass unchanged and in order.
 *
 * @param direction which way the edited data goes.
 * @param rule the pattern, and in place of the response the replacement (empty: drop the match).
 */
public record TrafficEdit(Direction direction, ReplyRule rule) {
  /** Which way relayed data goes. */
  public enum Direction {
    /** From the client to the target. */
    TO_TARGET,
    /** From the target back to the client. */
    TO_CLIENT;

    /** The name in the CLI and the API: {@code to-target} or {@code to-client}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * {@code to-target} or {@code to-client}, any case.
     *
     * @throws IllegalArgumentException naming the value and the two that work.
     */
    public static Direction parse(String text) {
      for (Direction d : values()) {
        if (d.label().equalsIgnoreCase(text.strip())) {
          return d;
        }
      }
      throw new IllegalArgumentException(
          "direction '" + text + "' is not to-target or to-client; use one of those two");
    }
  }

  public TrafficEdit {
    if (direction == null || rule == null) {
      throw new IllegalArgumentException("a traffic edit needs a direction and a rule");
    }
  }

  /** Replaces each match of {@code rule}'s pattern with its response. */
  public static TrafficEdit rewrite(Direction direction, ReplyRule rule) {
    return new TrafficEdit(direction, rule);
  }

  /** True when a match is dropped rather than replaced. */
  public boolean drops() {
    return rule.response().length == 0;
  }

  /** The rules of {@code edits} that go {@code direction}, in order. */
  public static List<ReplyRule> rules(List<TrafficEdit> edits, Direction direction) {
    return edits.stream().filter(e -> e.direction == direction).map(TrafficEdit::rule).toList();
  }

  @Override
  public String toString() {
    return (drops() ? "drop " : "rewrite ") + direction.label() + " " + rule;
  }
}
