package dev.socketdesk.core.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.TcpServerConfig;

/**
 * A TCP server. JSON: {@code {"type": "tcp-server", "localHost": "", "localPort": 10000,
 * "maxClients": 0, "backlog": 4096}}.
 *
 * @param localHost local address to listen on; null (or blank) for all addresses.
 * @param localPort 0 (the system chooses) to 65535; default 0.
 * @param maxClients 0 (no limit) to {@value #MAX_CLIENTS}; default 0.
 * @param backlog 1 to {@value #MAX_BACKLOG}; default {@link TcpServerConfig#DEFAULT_BACKLOG}.
 * @param tls speak TLS with the certificate generated in the config directory; default false.
 */
public record TcpServerSpec(
    String localHost, Integer localPort, Integer maxClients, Integer backlog, Boolean tls)
    implements SessionSpec {
  public static final String TYPE = "tcp-server";
  public static final int MAX_CLIENTS = 1_000_000;
  public static final int MAX_BACKLOG = 1 << 20;

  public TcpServerSpec {
    localHost = Specs.host(localHost);
    localPort = Specs.port("localPort", localPort, 0, 0);
    maxClients = Specs.whole("maxClients", maxClients, 0, 0, MAX_CLIENTS);
    backlog = Specs.whole("backlog", backlog, TcpServerConfig.DEFAULT_BACKLOG, 1, MAX_BACKLOG);
    tls = Specs.flag(tls);
  }

  /** Plain TCP. */
  public TcpServerSpec(String localHost, Integer localPort, Integer maxClients, Integer backlog) {
    this(localHost, localPort, maxClients, backlog, false);
  }

  @Override
  @JsonIgnore
  public String type() {
    return TYPE;
  }

  /** The engine's config for this spec. */
  public TcpServerConfig config(AutoActions actions) {
    return TcpServerConfig.listen(localHost, localPort)
        .withBacklog(backlog)
        .withMaxClients(maxClients)
        .withActions(actions)
        .withTls(tls ? Specs.generatedTls() : null);
  }

  @Override
  @JsonIgnore
  public Session create(Engine engine, AutoActions actions) {
    return engine.tcpServer(config(actions));
  }
}
