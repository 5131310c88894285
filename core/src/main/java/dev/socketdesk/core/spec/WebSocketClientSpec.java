package dev.socketdesk.core.spec;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.TlsConfig;
import dev.socketdesk.engine.WebSocketClientConfig;
import java.time.Duration;

/**
 * A WebSocket client. JSON: {@code {"type": "ws-client", "url": "ws://192.168.4.1:8080/ws",
 * "connectTimeoutS": 5, "reconnect": false, "insecure": false}}.
 *
 * @param url {@code ws://HOST[:PORT]/PATH} or {@code wss://...}; required.
 * @param connectTimeoutS 1ms to {@link Durations#MAX_CONNECT_TIMEOUT}; default 5 s.
 * @param reconnect try again with backoff when the connection fails or is lost; default false.
 * @param insecure wss: do not verify the server's certificate; default false.
 */
public record WebSocketClientSpec(
    String url,
    @JsonAlias("connectTimeout") Duration connectTimeoutS,
    Boolean reconnect,
    Boolean insecure)
    implements SessionSpec {
  public static final String TYPE = "ws-client";

  public WebSocketClientSpec {
    if (url == null || url.isBlank()) {
      throw SpecException.of(
          "url", "is missing: a WebSocket client needs a URL, e.g. ws://192.168.1.10:8080/ws");
    }
    url = url.strip();
    try {
      WebSocketClientConfig.connect(url);
    } catch (IllegalArgumentException e) {
      throw SpecException.of("url", e.getMessage());
    }
    connectTimeoutS =
        Specs.duration(
            "connectTimeoutS",
            connectTimeoutS,
            TcpClientSpec.DEFAULT_CONNECT_TIMEOUT,
            Duration.ofMillis(1),
            Durations.MAX_CONNECT_TIMEOUT);
    reconnect = Specs.flag(reconnect);
    insecure = Specs.flag(insecure);
  }

  @Override
  @JsonIgnore
  public String type() {
    return TYPE;
  }

  @Override
  public boolean reconnects() {
    return reconnect;
  }

  @Override
  @JsonIgnore
  public Session create(Engine engine, AutoActions actions) {
    WebSocketClientConfig config =
        WebSocketClientConfig.connect(url)
            .withConnectTimeout(connectTimeoutS)
            .withReconnect(reconnect)
            .withActions(actions);
    return engine.webSocketClient(
        config.secure() ? config.withTls(TlsConfig.client().withInsecure(insecure)) : config);
  }
}
