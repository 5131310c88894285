package dev.socketdesk.engine;

/** Why a connection to a peer ended. */
public enum CloseReason {
  /** The peer closed its side (EOF, or an orderly close). */
  PEER_CLOSED("closed by peer", "closed by the peer"),
  /** The peer reset the connection (RST). */
  RESET("reset by peer", "reset by the peer"),
  /** We closed it: a kick, a session close, or the end of our input. */
  LOCAL("closed by us", "closed by us"),
  /** An I/O error or timeout ended it. */
  ERROR("closed after an error", "closed after an error");

  private final String description;
  private final String inSentence;

  CloseReason(String description, String inSentence) {
    this.description = description;
    this.inSentence = inSentence;
  }

  /** The phrase within a sentence, e.g. {@code the connection was closed by the peer}. */
  public String inSentence() {
    return inSentence;
  }

  /** Short phrase for logs, e.g. {@code closed by peer}. */
  public String description() {
    return description;
  }
}
