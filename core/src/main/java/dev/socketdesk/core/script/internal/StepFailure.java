package dev.socketdesk.core.script.internal;

/**
 * A step did not pass. {@code expected} and {@code received} are null when they do not apply (a
 * link that did not open).
 */
final class StepFailure extends Exception {
  private final String expected;
  private final String received;

  StepFailure(String message, String expected, String received) {
    super(message, null, false, false);
    this.expected = expected;
    this.received = received;
  }

  StepFailure(String message) {
    this(message, null, null);
  }

  String expected() {
    return expected;
  }

  String received() {
    return received;
  }
}
