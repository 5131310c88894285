package dev.socketdesk.core.script;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One test: its links by name, its variables, and its steps.
 *
 * @param timeout bounds the whole test; null for no bound beyond each step's own.
 */
public record TestCase(
    String name,
    Map<String, Link> links,
    Map<String, String> vars,
    List<Step> steps,
    Duration timeout,
    Location location) {

  /** The name of a test's only link when it is written as {@code connect:}, {@code listen:}... */
  public static final String DEFAULT_LINK = "link";

  public TestCase {
    links = Map.copyOf(links);
    vars = Map.copyOf(vars);
    steps = List.copyOf(steps);
  }
}
