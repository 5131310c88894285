package dev.socketdesk.web;

/** The UI server could not start. The message is one line for a person: what and what to do. */
public final class UiServerException extends RuntimeException {
  private final boolean portInUse;

  public UiServerException(String message, boolean portInUse) {
    super(message, null, false, false);
    this.portInUse = portInUse;
  }

  /** True when the port was taken by another program, so that a caller may try another. */
  public boolean portInUse() {
    return portInUse;
  }
}
