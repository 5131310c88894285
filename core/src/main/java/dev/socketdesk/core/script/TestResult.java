package dev.socketdesk.core.script;

import java.time.Instant;
import java.util.List;

/**
 * How one run of one test went.
 *
 * @param run the run's number, from 1 ({@code --repeat}).
 * @param steps the steps reported, in order (see {@link StepResult}).
 * @param failure the step that failed, or null.
 * @param transcript what was sent and received, one line per event (the last 2000 lines).
 */
public record TestResult(
    String file,
    String suite,
    String name,
    int run,
    Status status,
    Instant started,
    long millis,
    List<StepResult> steps,
    StepResult failure,
    String transcript) {

  public TestResult {
    steps = List.copyOf(steps);
  }

  /** The test's name, with its run number when the suite runs more than once. */
  public String displayName(int runs) {
    return runs > 1 ? name + " (run " + run + ")" : name;
  }
}
