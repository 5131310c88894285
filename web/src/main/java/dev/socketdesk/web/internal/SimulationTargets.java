package dev.socketdesk.web.internal;

import dev.socketdesk.core.spec.SimulationSpec;
import dev.socketdesk.core.spec.SpecException;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.simulate.Profile;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.IntFunction;

/** The page's Simulate devices form may target an open session by id; this finds its address. */
final class SimulationTargets {
  private SimulationTargets() {}

  /** {@code spec} with its {@code session} turned into the target address. */
  static SimulationSpec resolve(SimulationSpec spec, IntFunction<Session> sessions) {
    if (spec.session() == null || spec.profile().isServer()) {
      return spec;
    }
    int id = spec.session();
    if (id < 0) {
      throw SpecException.of("session", id + " is not a session id");
    }
    return spec.withTarget(sessionTarget(sessions.apply(id), id, spec.profile()));
  }

  /** The address a device reaches {@code session} at: its bound address, loopback for "all". */
  static HostPort sessionTarget(Session session, int id, Profile profile) {
    boolean udp = profile.role() == Profile.Role.UDP_CLIENT;
    SessionType wanted = udp ? SessionType.UDP : SessionType.TCP_SERVER;
    if (session.type() != wanted) {
      throw SpecException.worded(
          "session",
          profile.cliName()
              + " needs a "
              + (udp ? "UDP" : "TCP server")
              + " session to connect to, but session "
              + id
              + " is a "
              + session.type().label()
              + "; pick another session or enter HOST:PORT");
    }
    InetSocketAddress local = session.localAddress();
    if (local == null) {
      throw ApiException.conflict("session " + id + " is not bound yet; open it first");
    }
    InetAddress address = local.getAddress();
    String host;
    if (address == null || address.isAnyLocalAddress()) {
      host = address instanceof Inet6Address ? "::1" : "127.0.0.1";
    } else {
      host = address.getHostAddress();
      int scope = host.indexOf('%');
      host = scope >= 0 ? host.substring(0, scope) : host;
    }
    return new HostPort(host, local.getPort());
  }
}
