package dev.socketdesk.engine;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A WebSocket client.
 *
 * @param url {@code ws://HOST[:PORT]/PATH} or {@code wss://...} (TLS).
 * @param subprotocols the subprotocols to ask for, best first; empty for none.
 * @param headers extra request headers of the upgrade.
 * @param maxMessageBytes a message over this many bytes closes the connection with 1009.
 * @param pingInterval ping the server this often; null or zero for never.
 * @param connectTimeout give up a connection attempt after this long.
 * @param reconnect try again with backoff when the connection fails or is lost.
 * @param sendBinary sends go out as binary messages; otherwise as text when they are UTF-8.
 * @param actions automatic answers; a reply goes out as the kind of message it answers.
 * @param tls the TLS settings of a {@code wss://} URL (null: verify with the system's trust store);
 *     must be null for {@code ws://}.
 */
public record WebSocketClientConfig(
    String url,
    List<String> subprotocols,
    List<Header> headers,
    int maxMessageBytes,
    Duration pingInterval,
    Duration connectTimeout,
    boolean reconnect,
    boolean sendBinary,
    AutoActions actions,
    TlsConfig tls) {

  /** An extra request header. */
  public record Header(String name, String value) {
    public Header {
      if (!WebSocketOptions.isToken(name)) {
        throw new IllegalArgumentException(
            "header name '" + name + "' is not a token; use e.g. Authorization: Bearer x");
      }
      if (value == null || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
        throw new IllegalArgumentException(
            "the value of header " + name + " holds a line break; give it on one line");
      }
      value = value.strip();
    }

    /** {@code Name: value}. */
    public static Header parse(String text) {
      int colon = text.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "header '" + text + "' has no 'Name: value' form; use e.g. 'Authorization: Bearer x'");
      }
      return new Header(text.substring(0, colon).strip(), text.substring(colon + 1));
    }
  }

  public WebSocketClientConfig {
    URI uri = parse(url);
    boolean secure = uri.getScheme().equalsIgnoreCase("wss");
    if (!secure && tls != null) {
      throw new IllegalArgumentException("'" + url + "' is plain ws://; use wss:// for TLS");
    }
    tls = secure && tls == null ? TlsConfig.client() : tls;
    subprotocols = WebSocketOptions.checkSubprotocols(subprotocols);
    headers = headers == null ? List.of() : List.copyOf(headers);
    WebSocketOptions.checkMaxMessage(maxMessageBytes);
    pingInterval = WebSocketOptions.checkPingInterval(pingInterval);
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    actions = actions == null ? AutoActions.NONE : actions;
  }

  /** Defaults: 16 MiB messages, no pings, no subprotocols or headers, 5 s, no reconnect. */
  public static WebSocketClientConfig connect(String url) {
    return new WebSocketClientConfig(
        url,
        List.of(),
        List.of(),
        WebSocketServerConfig.DEFAULT_MAX_MESSAGE_BYTES,
        null,
        null,
        false,
        false,
        null,
        null);
  }

  private static URI parse(String url) {
    String hint = "; use ws://HOST:PORT/PATH or wss://HOST:PORT/PATH";
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("no WebSocket URL" + hint);
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "'" + url + "' is not a URL (" + e.getReason() + ")" + hint);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ws") && !scheme.equals("wss")) {
      throw new IllegalArgumentException("'" + url + "' is not a WebSocket URL" + hint);
    }
    if (uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException(
          "'" + url + "' has no host, or a user or #fragment" + hint);
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535) {
      throw new IllegalArgumentException("port of '" + url + "' is out of range (1-65535)" + hint);
    }
    return uri;
  }

  /** The URL as a URI. */
  public URI uri() {
    return parse(url);
  }

  /** Whether the URL is {@code wss://}. */
  public boolean secure() {
    return uri().getScheme().equalsIgnoreCase("wss");
  }

  /** The server's host and port (80 or 443 when the URL has none). */
  public HostPort remote() {
    URI uri = uri();
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new HostPort(host, uri.getPort() > 0 ? uri.getPort() : secure() ? 443 : 80);
  }

  /** The path and query to upgrade at; {@code /} when the URL has none. */
  public String path() {
    URI uri = uri();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  public WebSocketClientConfig withSubprotocols(List<String> subprotocols) {
    return copy(c -> c.subprotocols = subprotocols);
  }

  public WebSocketClientConfig withHeaders(List<Header> headers) {
    return copy(c -> c.headers = headers);
  }

  public WebSocketClientConfig withMaxMessageBytes(int max) {
    return copy(c -> c.maxMessageBytes = max);
  }

  public WebSocketClientConfig withPingInterval(Duration interval) {
    return copy(c -> c.pingInterval = interval);
  }

  public WebSocketClientConfig withConnectTimeout(Duration timeout) {
    return copy(c -> c.connectTimeout = timeout);
  }

  public WebSocketClientConfig withReconnect(boolean reconnect) {
    return copy(c -> c.reconnect = reconnect);
  }

  public WebSocketClientConfig withSendBinary(boolean binary) {
    return copy(c -> c.sendBinary = binary);
  }

  public WebSocketClientConfig withActions(AutoActions actions) {
    return copy(c -> c.actions = actions);
  }

  /** The TLS settings of a {@code wss://} URL. */
  public WebSocketClientConfig withTls(TlsConfig tls) {
    return copy(c -> c.tls = tls);
  }

  /** The TCP connection under the WebSocket (TLS for {@code wss://}). */
  public TcpClientConfig tcp() {
    return new TcpClientConfig(remote(), null, connectTimeout, reconnect, null, null, actions, tls);
  }

  /** This config with the fields {@code change} sets; the others as they are. */
  private WebSocketClientConfig copy(Consumer<Fields> change) {
    Fields f = new Fields(this);
    change.accept(f);
    return f.build();
  }

  /** The fields of a config being copied, for the {@code with} methods. */
  private static final class Fields {
    private String url;
    private List<String> subprotocols;
    private List<Header> headers;
    private int maxMessageBytes;
    private Duration pingInterval;
    private Duration connectTimeout;
    private boolean reconnect;
    private boolean sendBinary;
    private AutoActions actions;
    private TlsConfig tls;

    Fields(WebSocketClientConfig c) {
      url = c.url;
      subprotocols = c.subprotocols;
      headers = c.headers;
      maxMessageBytes = c.maxMessageBytes;
      pingInterval = c.pingInterval;
      connectTimeout = c.connectTimeout;
      reconnect = c.reconnect;
      sendBinary = c.sendBinary;
      actions = c.actions;
      tls = c.tls;
    }

    WebSocketClientConfig build() {
      return new WebSocketClientConfig(
          url,
          subprotocols,
          headers,
          maxMessageBytes,
          pingInterval,
          connectTimeout,
          reconnect,
          sendBinary,
          actions,
          tls);
    }
  }
}
