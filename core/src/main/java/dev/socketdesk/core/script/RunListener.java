package dev.socketdesk.core.script;

/**
 * Follows a run as it goes. With several jobs, calls for different tests come from different
 * threads at once; calls for one test come from its thread, in order.
 */
public interface RunListener {

  /** A test run begins. */
  default void testStarted(String file, String test, int run) {}

  /** A step of a test ended (see {@link StepResult} for which steps are reported). */
  default void stepFinished(String file, String test, int run, StepResult step) {}

  /** A test run ended. */
  default void testFinished(TestResult result) {}

  RunListener NONE = new RunListener() {};
}
