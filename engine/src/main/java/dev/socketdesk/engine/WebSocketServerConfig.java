package dev.socketdesk.engine;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

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
    return copy(c -> c.subprotocols = subprotocols);
  }

  public WebSocketServerConfig withMaxMessageBytes(int max) {
    return copy(c -> c.maxMessageBytes = max);
  }

  public WebSocketServerConfig withPingInterval(Duration interval) {
    return copy(c -> c.pingInterval = interval);
  }

  public WebSocketServerConfig withMaxClients(int max) {
    return copy(c -> c.maxClients = max);
  }

  public WebSocketServerConfig withSendBinary(boolean binary) {
    return copy(c -> c.sendBinary = binary);
  }

  public WebSocketServerConfig withActions(AutoActions actions) {
    return copy(c -> c.actions = actions);
  }

  public WebSocketServerConfig withTls(TlsConfig tls) {
    return copy(c -> c.tls = tls);
  }

  /** The TCP server under the WebSocket. */
  public TcpServerConfig tcp() {
    return new TcpServerConfig(
        bindHost, port, TcpServerConfig.DEFAULT_BACKLOG, maxClients, actions, tls);
  }

  /** This config with the fields {@code change} sets; the others as they are. */
  private WebSocketServerConfig copy(Consumer<Fields> change) {
    Fields f = new Fields(this);
    change.accept(f);
    return f.build();
  }

  /** The fields of a config being copied, for the {@code with} methods. */
  private static final class Fields {
    private String bindHost;
    private int port;
    private String path;
    private List<String> subprotocols;
    private int maxMessageBytes;
    private Duration pingInterval;
    private int maxClients;
    private boolean sendBinary;
    private AutoActions actions;
    private TlsConfig tls;

    Fields(WebSocketServerConfig c) {
      bindHost = c.bindHost;
      port = c.port;
      path = c.path;
      subprotocols = c.subprotocols;
      maxMessageBytes = c.maxMessageBytes;
      pingInterval = c.pingInterval;
      maxClients = c.maxClients;
      sendBinary = c.sendBinary;
      actions = c.actions;
      tls = c.tls;
    }

    WebSocketServerConfig build() {
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
  }
}
