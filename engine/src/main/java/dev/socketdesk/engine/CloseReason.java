package dev.socketdesk.engine;

/** Why a connection to a peer ended. */
public enum CloseReason {
  /** The peer closed its side (EOF, or an orderly close). */
  PEER_CLOSED("closed by peer"),
  /** The peer reset the connection (RST). */
  RESET("reset by peer"),
  /** We closed it: a kick, a session close, or the end of our input. */
  LOCAL("closed by us"),
  /** An I/O error or timeout ended it. */
  ERROR("closed after an error");

  private final String description;

  CloseReason(String description) {
    this.description = description;
  }

  /** Short phrase for logs, e.g. {@code closed by peer}. */
  public String description() {
    return description;
  }
}
