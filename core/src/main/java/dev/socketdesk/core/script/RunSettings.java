package dev.socketdesk.core.script;

import java.time.Duration;
import java.util.Map;

/**
 * How to run scripts.
 *
 * @param repeat runs of every test, one after the other ({@code --repeat}), at least 1.
 * @param jobs tests run at once ({@code --jobs}), at least 1.
 * @param timeout bounds each test run, on top of its own {@code timeout:}; null for none.
 * @param vars variables given from outside ({@code --var}); they override the scripts' {@code
 *     vars:}.
 */
public record RunSettings(int repeat, int jobs, Duration timeout, Map<String, String> vars) {
  public RunSettings {
    if (repeat < 1) {
      throw new IllegalArgumentException("repeat " + repeat + " is too small; use 1 or more");
    }
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs " + jobs + " is too small; use 1 or more");
    }
    vars = Map.copyOf(vars == null ? Map.of() : vars);
  }

  /** One run, one job, no overall timeout, no variables. */
  public static RunSettings defaults() {
    return new RunSettings(1, 1, null, Map.of());
  }
}
