package dev.socketdesk.engine;

import java.time.Duration;
import java.util.List;

/**
 * A WebSocket server: a TCP server that upgrades each client at {@code path}; every text or binary
 * message is one received message.
 *
 * @param bindHost local address to listen on; null for all addresses.
 * @param port 0 to let the system choose.
 * @param path the path clients upgrade at, e.g. {@code /ws}; other paths are answered with 404.
 * @param subprotocols the subprotocols offered, best first; empty for none.
 * @param maxMessageBytes a message over this many bytes closes the connection with 1009.
 * @param pingInterval ping every client this often; null or zero for never.
 * @param maxClients refuse clients beyond this many; 0 for no limit.
 * @param sendBinary sends go out as binary messages; otherwise as text when they are UTF-8.
 * @param actions automatic answers; a reply goes out as the kind of message it answers.
 * @param tls TLS ({@code wss://}); null for plain {@code ws://}.
 */
public record WebSocketServerConfig(
    String bindHost,
    int port,
    String path,
    List<String> subprotocols,
    int maxMessageBytes,
    Duration pingInterval,
    int maxClients,
    boolean sendBinary,
    AutoActions actions,
    TlsConfig tls) {

  /** 16 MiB. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 << 20;

  public WebSocketServerConfig {
    HostPort.checkPort(port, 0);
    path = WebSocketOptions.checkPath(path == null ? "/" : path);
    subprotocols = WebSocketOptions.checkSubprotocols(subprotocols);
    WebSocketOptions.checkMaxMessage(maxMessageBytes);
    pingInterval = WebSocketOptions.checkPingInterval(pingInterval);
    if (maxClients < 0) {
      throw new IllegalArgumentException(
          "client limit " + maxClients + " is negative; use 0 for no limit");
    }
    actions = actions == null ? AutoActions.NONE : actions;
  }

  /** Every path's defaults: 16 MiB messages, no pings, no subprotocols, no limit, plain. */
  public static WebSocketServerConfig listen(String bindHost, int port, String path) {
    return new WebSocketServerConfig(
        bindHost, port, path, List.of(), DEFAULT_MAX_MESSAGE_BYTES, null, 0, false, null, null);
  }

  public WebSocketServerConfig withSubprotocols(List<String> subprotocols) {
    return new WebSocketServerConfig(
        bindHost,
        port,
        path,
        subprotocols,
        maxMessageBytes,
        pingInterval,
        maxClients,
        sendBinary,
        actions,
        tls);
  }

  public WebSocketServerConfig withMaxMessageBytes(int max) {
    return new WebSocketServerConfig(
        bindHost,
        port,
        path,
        subprotocols,
        max,
        pingInterval,
        maxClients,
        sendBinary,
        actions,
        tls);
  }

  public WebSocketServerConfig withPingInterval(Duration interval) {
    return new WebSocketServerConfig(
        bindHost,
        port,
        path,
        subprotocols,
        maxMessageBytes,
        interval,
        maxClients,
        sendBinary,
        actions,
        tls);
  }

  public WebSocketServerConfig withMaxClients(int max) {
    return new WebSocketServerConfig(
        bindHost,
        port,
        path,
        subprotocols,
        maxMessageBytes,
        pingInterval,
        max,
        sendBinary,
        actions,
        tls);
  }

  public WebSocketServerConfig withSendBinary(boolean binary) {
    return new WebSocketServerConfig(
        bindHost,
        port,
        path,
        subprotocols,
        maxMessageBytes,
        pingInterval,
        maxClients,
        binary,
        actions,
        tls);
  }

  public WebSocketServerConfig withActions(AutoActions actions) {
    return new WebSocketServerConfig(
        bindHost,
        port,
        path,
        subprotocols,
        maxMessageBytes,
        pingInterval,
        maxClients,
        sendBinary,
        actions,
        tls);
  }

  public WebSocketServerConfig withTls(TlsConfig tls) {
    return new WebSocketServerConfig(
        bindHost,
        port,
        path,
        subprotocols,
        maxMessageBytes,
        pingInterval,
        maxClients,
        sendBinary,
        actions,
        tls);
  }

  /** The TCP server under the WebSocket. */
  public TcpServerConfig tcp() {
    return new TcpServerConfig(
        bindHost, port, TcpServerConfig.DEFAULT_BACKLOG, maxClients, actions, tls);
  }
}
