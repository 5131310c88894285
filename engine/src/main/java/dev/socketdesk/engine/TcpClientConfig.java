package dev.socketdesk.engine;

import java.time.Duration;

/**
 * A TCP client.
 *
 * @param remote the server to connect to.
 * @param bindHost local address to connect from; null for the system's choice.
 * @param connectTimeout give up a connection attempt after this long.
 * @param reconnect when the connection fails or is lost, try again with exponential backoff from
 *     {@code reconnectMin} up to {@code reconnectMax}, until {@link Session#close()}.
 * @param actions automatic answers.
 */
public record TcpClientConfig(
    HostPort remote,
    String bindHost,
    Duration connectTimeout,
    boolean reconnect,
    Duration reconnectMin,
    Duration reconnectMax,
    AutoActions actions) {

  public TcpClientConfig {
    if (remote == null) {
      throw new IllegalArgumentException("no server address; use HOST:PORT");
    }
    HostPort.checkPort(remote.port(), 1);
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    reconnectMin = reconnectMin == null ? Duration.ofMillis(500) : reconnectMin;
    reconnectMax = reconnectMax == null ? Duration.ofSeconds(10) : reconnectMax;
    actions = actions == null ? AutoActions.NONE : actions;
  }

  /** 5 s connect timeout, no reconnect, no automatic actions. */
  public static TcpClientConfig connect(HostPort remote) {
    return new TcpClientConfig(remote, null, null, false, null, null, AutoActions.NONE);
  }

  public TcpClientConfig withConnectTimeout(Duration timeout) {
    return new TcpClientConfig(
        remote, bindHost, timeout, reconnect, reconnectMin, reconnectMax, actions);
  }

  public TcpClientConfig withReconnect(boolean reconnect) {
    return new TcpClientConfig(
        remote, bindHost, connectTimeout, reconnect, reconnectMin, reconnectMax, actions);
  }

  public TcpClientConfig withReconnectBackoff(Duration min, Duration max) {
    return new TcpClientConfig(remote, bindHost, connectTimeout, reconnect, min, max, actions);
  }

  public TcpClientConfig withBindHost(String bindHost) {
    return new TcpClientConfig(
        remote, bindHost, connectTimeout, reconnect, reconnectMin, reconnectMax, actions);
  }

  public TcpClientConfig withActions(AutoActions actions) {
    return new TcpClientConfig(
        remote, bindHost, connectTimeout, reconnect, reconnectMin, reconnectMax, actions);
  }
}
