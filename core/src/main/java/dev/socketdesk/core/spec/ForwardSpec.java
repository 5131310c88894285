package dev.socketdesk.core.spec;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.ForwardConfig;
import dev.socketdesk.engine.ForwardTarget;
import dev.socketdesk.engine.Session;
import java.time.Duration;

/**
 * A forward: a TCP server relaying each client to a target. JSON: {@code {"type": "forward",
 * "localHost": "", "localPort": 4000, "target": "192.168.4.1:5000", "connectTimeoutS": 5}}.
 *
 * @param localHost local address; null (or blank) for all addresses.
 * @param localPort 0 (the system chooses) to 65535; default 0.
 * @param target {@code HOST:PORT} or {@code serial:PATH?baud=115200}; required.
 * @param connectTimeoutS 1ms to {@link Durations#MAX_CONNECT_TIMEOUT}; default 5 s.
 */
public record ForwardSpec(
    String localHost,
    Integer localPort,
    String target,
    @JsonAlias("connectTimeout") Duration connectTimeoutS)
    implements SessionSpec {
  public static final String TYPE = "forward";

  public ForwardSpec {
    localHost = Specs.host(localHost);
    localPort = Specs.port("localPort", localPort, 0, 0);
    if (target == null || target.isBlank()) {
      throw SpecException.of(
          "target",
          "is missing: give HOST:PORT (e.g. the board's server) or"
              + " serial:/dev/ttyUSB0?baud=115200");
    }
    target = target.strip();
    try {
      ForwardTarget.parse(target);
    } catch (IllegalArgumentException e) {
      throw SpecException.worded("target", e.getMessage());
    }
    connectTimeoutS =
        Specs.duration(
            "connectTimeoutS",
            connectTimeoutS,
            TcpClientSpec.DEFAULT_CONNECT_TIMEOUT,
            Duration.ofMillis(1),
            Durations.MAX_CONNECT_TIMEOUT);
  }

  @Override
  @JsonIgnore
  public String type() {
    return TYPE;
  }

  /** The engine's config for this spec. */
  public ForwardConfig config(AutoActions actions) {
    return ForwardConfig.listen(localPort, ForwardTarget.parse(target))
        .withBindHost(localHost)
        .withConnectTimeout(connectTimeoutS)
        .withActions(actions);
  }

  @Override
  @JsonIgnore
  public Session create(Engine engine, AutoActions actions) {
    return engine.forward(config(actions));
  }
}
