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
 * @param tls TLS on the connection; null for plain TCP.
 */
public record TcpClientConfig(
    HostPort remote,
    String bindHost,
    Duration connectTimeout,
    boolean reconnect,
    Duration reconnectMin,
    Duration reconnectMax,
    AutoActions actions,
    TlsConfig tls) {

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

  /** Plain TCP. */
  public TcpClientConfig(
      HostPort remote,
      String bindHost,
      Duration connectTimeout,
      boolean reconnect,
      Duration reconnectMin,
      Duration reconnectMax,
      AutoActions actions) {
    this(remote, bindHost, connectTimeout, reconnect, reconnectMin, reconnectMax, actions, null);
  }

  /** 5 s connect timeout, no reconnect, no automatic actions. */
  public static TcpClientConfig connect(HostPort remote) {
    return new TcpClientConfig(remote, null, null, false, null, null, AutoActions.NONE);
  }

  public TcpClientConfig withConnectTimeout(Duration timeout) {
    return new TcpClientConfig(
        remote, bindHost, timeout, reconnect, reconnectMin, reconnectMax, actions, tls);
  }

  public TcpClientConfig withReconnect(boolean reconnect) {
    return new TcpClientConfig(
        remote, bindHost, connectTimeout, reconnect, reconnectMin, reconnectMax, actions, tls);
  }

  public TcpClientConfig withReconnectBackoff(Duration min, Duration max) {
    return new TcpClientConfig(remote, bindHost, connectTimeout, reconnect, min, max, actions, tls);
  }

  public TcpClientConfig withBindHost(String bindHost) {
    return new TcpClientConfig(
        remote, bindHost, connectTimeout, reconnect, reconnectMin, reconnectMax, actions, tls);
  }

  public TcpClientConfig withActions(AutoActions actions) {
    return new TcpClientConfig(
        remote, bindHost, connectTimeout, reconnect, reconnectMin, reconnectMax, actions, tls);
  }

  /** TLS on the connection; null for plain TCP. */
  public TcpClientConfig withTls(TlsConfig tls) {
    return new TcpClientConfig(
        remote, bindHost, connectTimeout, reconnect, reconnectMin, reconnectMax, actions, tls);
  }
}
