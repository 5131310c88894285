package dev.socketdesk.engine;

/** The roles a network debugging assistant plays. */
public enum SessionType {
  TCP_SERVER("TCP Server"),
  TCP_CLIENT("TCP Client"),
  UDP("UDP"),
  SERIAL("Serial"),
  FORWARD("Forward"),
  WS_SERVER("WebSocket Server"),
  WS_CLIENT("WebSocket Client");

  private final String label;

  SessionType(String label) {
    this.label = label;
  }

  /** Whether the session is one connection to a server it connected to. */
  public boolean isClient() {
    return this == TCP_CLIENT || this == WS_CLIENT;
  }

  /** Human-readable name, e.g. {@code TCP Server}. */
  public String label() {
    return label;
  }
}
