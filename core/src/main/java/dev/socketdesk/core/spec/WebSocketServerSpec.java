package dev.socketdesk.core.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.WebSocketServerConfig;

/**
 * A WebSocket server. JSON: {@code {"type": "ws-server", "localHost": "", "localPort": 8080,
 * "path": "/ws", "maxClients": 0, "tls": false}}.
 *
 * @param localHost local address to listen on; null (or blank) for all addresses.
 * @param localPort 0 (the system chooses) to 65535; default 0.
 * @param path the path clients upgrade at, starting with /; default /.
 * @param maxClients 0 (no limit) to {@value TcpServerSpec#MAX_CLIENTS}; default 0.
 * @param tls speak TLS (wss) with the certificate generated in the config directory.
 */
public record WebSocketServerSpec(
    String localHost, Integer localPort, String path, Integer maxClients, Boolean tls)
    implements SessionSpec {
  public static final String TYPE = "ws-server";

  public WebSocketServerSpec {
    localHost = Specs.host(localHost);
    localPort = Specs.port("localPort", localPort, 0, 0);
    path = path == null || path.isBlank() ? "/" : path.strip();
    try {
      WebSocketServerConfig.listen(null, 0, path);
    } catch (IllegalArgumentException e) {
      throw SpecException.of("path", e.getMessage().replaceFirst("^path ", ""));
    }
    maxClients = Specs.whole("maxClients", maxClients, 0, 0, TcpServerSpec.MAX_CLIENTS);
    tls = Specs.flag(tls);
  }

  @Override
  @JsonIgnore
  public String type() {
    return TYPE;
  }

  @Override
  @JsonIgnore
  public Session create(Engine engine, AutoActions actions) {
    return engine.webSocketServer(
        WebSocketServerConfig.listen(localHost, localPort, path)
            .withMaxClients(maxClients)
            .withActions(actions)
            .withTls(tls ? Specs.generatedTls() : null));
  }
}
