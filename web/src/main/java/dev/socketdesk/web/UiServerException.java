package dev.socketdesk.web;

import dev.socketdesk.engine.SessionException;

/** The UI server could not start. The message is one line for a person: what and what to do. */
public final class UiServerException extends RuntimeException {
  private final boolean portInUse;
  private final transient SessionException failure;

  public UiServerException(String message, boolean portInUse) {
    super(message, null, false, false);
    this.portInUse = portInUse;
    this.failure = null;
  }

  /** The UI's port could not be bound: {@code failure} words why, in the engine's catalogue. */
  public UiServerException(SessionException failure) {
    super(failure.getMessage(), null, false, false);
    this.portInUse = failure.kind() == SessionException.Kind.PORT_IN_USE;
    this.failure = failure;
  }

  /** True when the port was taken by another program, so that a caller may try another. */
  public boolean portInUse() {
    return portInUse;
  }

  /** The bind failure behind this, so that a front end can name its own option; or null. */
  public SessionException failure() {
    return failure;
  }
}
