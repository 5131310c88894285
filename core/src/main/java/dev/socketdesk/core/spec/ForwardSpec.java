package dev.socketdesk.core.spec;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.ForwardConfig;
import dev.socketdesk.engine.ForwardTarget;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.TlsConfig;
import dev.socketdesk.engine.TrafficEdit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A forward: a TCP server relaying each client to a target. JSON: {@code {"type": "forward",
 * "localHost": "", "localPort": 4000, "target": "192.168.4.1:5000", "connectTimeoutS": 5, "edits":
 * [{"direction": "to-client", "match": "secret=\\d+", "replacement": "secret=***"}]}}.
 *
 * @param localHost local address; null (or blank) for all addresses.
 * @param localPort 0 (the system chooses) to 65535; default 0.
 * @param target {@code HOST:PORT}, {@code tls://HOST:PORT}, {@code ws://HOST:PORT/PATH}, {@code
 *     wss://...} or {@code serial:PATH?baud=115200}; required.
 * @param connectTimeoutS 1ms to {@link Durations#MAX_CONNECT_TIMEOUT}; default 5 s.
 * @param edits rewrites and drops of relayed data, at most {@value #MAX_EDITS}; default none.
 * @param insecure with a {@code tls://} or {@code wss://} target, do not verify its certificate;
 *     default false (verified with the system's trust store).
 */
public record ForwardSpec(
    String localHost,
    Integer localPort,
    String target,
    @JsonAlias("connectTimeout") Duration connectTimeoutS,
    List<TrafficEditSpec> edits,
    Boolean insecure)
    implements SessionSpec {
  public static final String TYPE = "forward";
  public static final int MAX_EDITS = 1000;

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
    ForwardTarget parsed;
    try {
      parsed = ForwardTarget.parse(target);
    } catch (IllegalArgumentException e) {
      throw SpecException.worded("target", e.getMessage());
    }
    insecure = Specs.flag(insecure);
    if (insecure && !parsed.secure()) {
      throw SpecException.of(
          "insecure",
          "applies to a tls:// or wss:// target only; turn it off, or change the target");
    }
    connectTimeoutS =
        Specs.duration(
            "connectTimeoutS",
            connectTimeoutS,
            TcpClientSpec.DEFAULT_CONNECT_TIMEOUT,
            Duration.ofMillis(1),
            Durations.MAX_CONNECT_TIMEOUT);
    edits = edits == null ? List.of() : edits;
    for (int i = 0; i < edits.size(); i++) {
      if (edits.get(i) == null) {
        throw SpecException.of("edits[" + i + "]", "must be an object, not null");
      }
    }
    edits = List.copyOf(edits);
    if (edits.size() > MAX_EDITS) {
      throw SpecException.of("edits", "has " + edits.size() + " edits; use at most " + MAX_EDITS);
    }
  }

  @Override
  @JsonIgnore
  public String type() {
    return TYPE;
  }

  /** Without TLS settings: a {@code tls://} or {@code wss://} target is verified. */
  public ForwardSpec(
      String localHost,
      Integer localPort,
      String target,
      Duration connectTimeoutS,
      List<TrafficEditSpec> edits) {
    this(localHost, localPort, target, connectTimeoutS, edits, false);
  }

  /** The engine's config for this spec. */
  public ForwardConfig config(AutoActions actions) {
    ForwardTarget to = ForwardTarget.parse(target);
    if (insecure) {
      to = to.withTls(TlsConfig.client().withInsecure(true));
    }
    return ForwardConfig.listen(localPort, to)
        .withBindHost(localHost)
        .withConnectTimeout(connectTimeoutS)
        .withActions(actions)
        .withEdits(engineEdits());
  }

  private List<TrafficEdit> engineEdits() {
    List<TrafficEdit> list = new ArrayList<>();
    for (TrafficEditSpec edit : edits) {
      list.add(edit.edit());
    }
    return list;
  }

  @Override
  @JsonIgnore
  public Session create(Engine engine, AutoActions actions) {
    return engine.forward(config(actions));
  }
}
