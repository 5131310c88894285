package dev.socketdesk.core.spec;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.TcpClientConfig;
import dev.socketdesk.engine.TlsConfig;
import java.time.Duration;

/**
 * A TCP client. JSON: {@code {"type": "tcp-client", "remote": "192.168.4.1:5000", "localHost": "",
 * "connectTimeoutS": 5, "reconnect": false}}; the timeout may also be text such as {@code "500ms"}
 * (see {@link Durations}).
 *
 * @param remote the server, HOST:PORT with a port of 1 to 65535; required.
 * @param localHost local address to connect from; null (or blank) for the system's choice.
 * @param connectTimeoutS 1ms to {@link Durations#MAX_CONNECT_TIMEOUT}; default 5 s.
 * @param reconnect try again with backoff when the connection fails or is lost; default false.
 * @param tls speak TLS, verifying the server with the system's trust store; default false.
 * @param insecure with TLS, do not verify the server's certificate; default false.
 */
public record TcpClientSpec(
    HostPort remote,
    String localHost,
    @JsonAlias("connectTimeout") Duration connectTimeoutS,
    Boolean reconnect,
    Boolean tls,
    Boolean insecure)
    implements SessionSpec {
  public static final String TYPE = "tcp-client";
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  public TcpClientSpec {
    if (remote == null) {
      throw SpecException.of(
          "remote",
          "is missing: a TCP client needs the server's address; enter HOST:PORT, e.g."
              + " 192.168.1.10:5000");
    }
    Specs.port("remote", remote.port(), 0, 1);
    localHost = Specs.host(localHost);
    connectTimeoutS =
        Specs.duration(
            "connectTimeoutS",
            connectTimeoutS,
            DEFAULT_CONNECT_TIMEOUT,
            Duration.ofMillis(1),
            Durations.MAX_CONNECT_TIMEOUT);
    reconnect = Specs.flag(reconnect);
    tls = Specs.flag(tls);
    insecure = Specs.flag(insecure);
  }

  /** Plain TCP. */
  public TcpClientSpec(
      HostPort remote, String localHost, Duration connectTimeoutS, Boolean reconnect) {
    this(remote, localHost, connectTimeoutS, reconnect, false, false);
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

  /** The engine's config for this spec. */
  public TcpClientConfig config(AutoActions actions) {
    return TcpClientConfig.connect(remote)
        .withBindHost(localHost)
        .withConnectTimeout(connectTimeoutS)
        .withReconnect(reconnect)
        .withActions(actions)
        .withTls(tls ? TlsConfig.client().withInsecure(insecure) : null);
  }

  @Override
  @JsonIgnore
  public Session create(Engine engine, AutoActions actions) {
    return engine.tcpClient(config(actions));
  }
}
