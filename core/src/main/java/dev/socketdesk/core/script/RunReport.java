package dev.socketdesk.core.script;

import java.time.Instant;
import java.util.List;

/**
 * The results of one {@link ScriptRunner#run}.
 *
 * @param runs how many times each test ran ({@code --repeat}).
 * @param interrupted whether the run was cancelled (Ctrl+C) before every test ended.
 */
public record RunReport(
    List<TestResult> tests, int runs, Instant started, long millis, boolean interrupted) {

  public RunReport {
    tests = List.copyOf(tests);
  }

  public long passed() {
    return tests.stream().filter(t -> t.status() == Status.PASSED).count();
  }

  public long failed() {
    return tests.size() - passed();
  }

  /** 0 when every test passed and the run was not interrupted, else 1. */
  public int exitCode() {
    return failed() == 0 && !interrupted ? 0 : 1;
  }
}
