package dev.socketdesk.core.script;

/** How a step or a test ended. */
public enum Status {
  PASSED,
  FAILED,
  /** Stopped by Ctrl+C or {@link ScriptRunner#cancel()} before it could end. */
  INTERRUPTED
}
