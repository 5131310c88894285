package dev.socketdesk.core.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.UdpConfig;
import java.util.List;

/**
 * A UDP endpoint. JSON: {@code {"type": "udp", "localHost": "", "localPort": 6000, "remote":
 * "192.168.4.1:5000", "broadcast": false, "multicast": ["239.1.2.3"], "multicastInterface":
 * "eth0"}}; {@code multicast} may also be one text of groups separated by commas or spaces, which
 * is how it is written back.
 *
 * @param localHost local address; null (or blank) for all addresses.
 * @param localPort 0 (the system chooses) to 65535; default 0.
 * @param remote where sends go; null to answer the last sender.
 * @param broadcast allow sending to broadcast addresses; default false.
 * @param multicast groups to join after binding, multicast addresses or host names.
 * @param multicastInterface the interface for the joins; null for the system's choice.
 */
public record UdpSpec(
    String localHost,
    Integer localPort,
    HostPort remote,
    Boolean broadcast,
    @JsonDeserialize(using = SpecValueReaders.Groups.class)
        @JsonSerialize(using = SpecValueWriters.Joined.class)
        List<String> multicast,
    String multicastInterface)
    implements SessionSpec {
  public static final String TYPE = "udp";

  public UdpSpec {
    localHost = Specs.host(localHost);
    localPort = Specs.port("localPort", localPort, 0, 0);
    if (remote != null) {
      Specs.port("remote", remote.port(), 0, 1);
    }
    broadcast = Specs.flag(broadcast);
    multicast = multicast == null ? List.of() : List.copyOf(multicast);
    multicastInterface = Specs.host(multicastInterface);
    try {
      UdpConfig.bind(localHost, localPort).withMulticast(multicast, multicastInterface);
    } catch (IllegalArgumentException e) {
      throw SpecException.worded("multicast", e.getMessage());
    }
  }

  @Override
  @JsonIgnore
  public String type() {
    return TYPE;
  }

  /** The engine's config for this spec. */
  public UdpConfig config(AutoActions actions) {
    return UdpConfig.bind(localHost, localPort)
        .withRemote(remote)
        .withBroadcast(broadcast)
        .withMulticast(multicast, multicastInterface)
        .withActions(actions);
  }

  @Override
  @JsonIgnore
  public Session create(Engine engine, AutoActions actions) {
    return engine.udp(config(actions));
  }
}
