package dev.socketdesk.engine;

/**
 * A TCP server. It listens with {@code SO_REUSEADDR}. When a client half-closes (EOF), the server
 * flushes what it still owes that client, then closes the connection.
 *
 * @param bindHost local address to listen on; null for all addresses (IPv4 and IPv6).
 * @param port 0 to let the system choose; see {@link SessionEvent.Listening} for the result.
 * @param backlog the listen backlog.
 * @param maxClients refuse (close at once) clients beyond this many; 0 for no limit.
 * @param actions automatic answers.
 * @param tls TLS on every connection; null for plain TCP.
 */
public record TcpServerConfig(
    String bindHost, int port, int backlog, int maxClients, AutoActions actions, TlsConfig tls) {

  /**
   * Large enough that a burst of thousands of simulated devices is queued rather than dropped; the
   * system caps it (Linux: net.core.somaxconn).
   */
  public static final int DEFAULT_BACKLOG = 4096;

  public TcpServerConfig {
    HostPort.checkPort(port, 0);
    if (backlog < 1) {
      throw new IllegalArgumentException("backlog " + backlog + " is too small; use 1 or more");
    }
    if (maxClients < 0) {
      throw new IllegalArgumentException(
          "client limit " + maxClients + " is negative; use 0 for no limit");
    }
    actions = actions == null ? AutoActions.NONE : actions;
  }

  /** Plain TCP. */
  public TcpServerConfig(
      String bindHost, int port, int backlog, int maxClients, AutoActions actions) {
    this(bindHost, port, backlog, maxClients, actions, null);
  }

  /** {@link #DEFAULT_BACKLOG}, no client limit, no automatic actions. */
  public static TcpServerConfig listen(String bindHost, int port) {
    return new TcpServerConfig(bindHost, port, DEFAULT_BACKLOG, 0, AutoActions.NONE);
  }

  public TcpServerConfig withBacklog(int backlog) {
    return new TcpServerConfig(bindHost, port, backlog, maxClients, actions, tls);
  }

  public TcpServerConfig withMaxClients(int maxClients) {
    return new TcpServerConfig(bindHost, port, backlog, maxClients, actions, tls);
  }

  public TcpServerConfig withActions(AutoActions actions) {
    return new TcpServerConfig(bindHost, port, backlog, maxClients, actions, tls);
  }

  /** TLS on every connection; null for plain TCP. */
  public TcpServerConfig withTls(TlsConfig tls) {
    return new TcpServerConfig(bindHost, port, backlog, maxClients, actions, tls);
  }
}
