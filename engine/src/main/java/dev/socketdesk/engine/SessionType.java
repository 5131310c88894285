package dev.socketdesk.engine;

/** The roles a network debugging assistant plays. */
public enum SessionType {
  TCP_SERVER("TCP Server"),
  TCP_CLIENT("TCP Client"),
  UDP("UDP"),
  SERIAL("Serial"),
  FORWARD("Forward");

  private final String label;

  SessionType(String label) {
    this.label = label;
  }

  /** Human-readable name, e.g. {@code TCP Server}. */
  public String label() {
    return label;
  }
}
