package dev.socketdesk.engine;

/**
 * A session could not do what was asked. The message is one line for a person: it names the bad
 * value and says what to do, e.g. {@code port 10000 is already in use on 0.0.0.0; pick another port
 * or stop the program using it}.
 */
public final class SessionException extends RuntimeException {

  /** What kind of failure, so that front ends can phrase their own advice. */
  public enum Kind {
    PORT_IN_USE,
    ADDRESS_NOT_LOCAL,
    PERMISSION_DENIED,
    UNKNOWN_HOST,
    REFUSED,
    TIMEOUT,
    RESET,
    UNREACHABLE,
    NOT_CONNECTED,
    TOO_MANY_FILES,
    INVALID,
    OTHER
  }

  private final Kind kind;

  public SessionException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
