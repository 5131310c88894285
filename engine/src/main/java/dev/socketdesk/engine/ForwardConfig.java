package dev.socketdesk.engine;

import java.time.Duration;
import java.util.List;

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
 * @param edits rewrites and drops of relayed data, in either direction; applied in the relay only,
 *     so the session's log, counters, capture and automatic answers see the client's connection as
 *     it is on the wire (what the client sent, what it was sent).
 */
public record ForwardConfig(
    String bindHost,
    int port,
    ForwardTarget target,
    Duration connectTimeout,
    AutoActions actions,
    List<TrafficEdit> edits) {

  public ForwardConfig {
    HostPort.checkPort(port, 0);
    if (target == null) {
      throw new IllegalArgumentException("no forward target; use " + ForwardTarget.FORMS);
    }
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    actions = actions == null ? AutoActions.NONE : actions;
    edits = List.copyOf(edits == null ? List.of() : edits);
  }

  /** Without edits. */
  public ForwardConfig(
      String bindHost,
      int port,
      ForwardTarget target,
      Duration connectTimeout,
      AutoActions actions) {
    this(bindHost, port, target, connectTimeout, actions, List.of());
  }

  /** Listens on all addresses, 5 s connect timeout, no automatic actions. */
  public static ForwardConfig listen(int port, ForwardTarget target) {
    return new ForwardConfig(null, port, target, null, null, null);
  }

  public ForwardConfig withBindHost(String bindHost) {
    return new ForwardConfig(bindHost, port, target, connectTimeout, actions, edits);
  }

  public ForwardConfig withConnectTimeout(Duration timeout) {
    return new ForwardConfig(bindHost, port, target, timeout, actions, edits);
  }

  public ForwardConfig withActions(AutoActions actions) {
    return new ForwardConfig(bindHost, port, target, connectTimeout, actions, edits);
  }

  public ForwardConfig withEdits(List<TrafficEdit> edits) {
    return new ForwardConfig(bindHost, port, target, connectTimeout, actions, edits);
  }
}
