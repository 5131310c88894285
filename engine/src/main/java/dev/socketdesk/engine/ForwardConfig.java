package dev.socketdesk.engine;

import java.time.Duration;

/**
 * A forward session: a TCP server that relays each accepted connection to {@code target}, both
 * ways, with half-closes passed on. The clients are the session's peers: what a client sends is
 * received data (then relayed), what the target answers is sent data.
 *
 * @param bindHost local address to listen on; null for all.
 * @param port local port; 0 lets the system choose.
 * @param target where each connection is relayed.
 * @param connectTimeout give up connecting to a TCP target after this long.
 * @param actions automatic answers to the clients, on top of the relay.
 */
public record ForwardConfig(
    String bindHost, int port, ForwardTarget target, Duration connectTimeout, AutoActions actions) {

  public ForwardConfig {
    HostPort.checkPort(port, 0);
    if (target == null) {
      throw new IllegalArgumentException(
          "no forward target; use HOST:PORT or serial:PATH?baud=115200");
    }
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    actions = actions == null ? AutoActions.NONE : actions;
  }

  /** Listens on all addresses, 5 s connect timeout, no automatic actions. */
  public static ForwardConfig listen(int port, ForwardTarget target) {
    return new ForwardConfig(null, port, target, null, null);
  }

  public ForwardConfig withBindHost(String bindHost) {
    return new ForwardConfig(bindHost, port, target, connectTimeout, actions);
  }

  public ForwardConfig withConnectTimeout(Duration timeout) {
    return new ForwardConfig(bindHost, port, target, timeout, actions);
  }

  public ForwardConfig withActions(AutoActions actions) {
    return new ForwardConfig(bindHost, port, target, connectTimeout, actions);
  }
}
