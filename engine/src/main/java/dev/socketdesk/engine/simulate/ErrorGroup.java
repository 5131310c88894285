package dev.socketdesk.engine.simulate;

/**
 * All errors of one cause in a run.
 *
 * @param cause the group.
 * @param count how many devices or connections hit it; every error is counted.
 * @param example the first error message of this group, as the system reported it.
 */
public record ErrorGroup(ErrorCause cause, long count, String example) {

  /** One line: {@code 12 × connection refused (e.g. ...): is the target listening ...}. */
  public String describe() {
    return count + " x " + cause.description() + " (e.g. " + example + "): " + cause.advice();
  }
}
