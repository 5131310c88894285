package dev.socketdesk.core.script.internal;

import dev.socketdesk.core.script.Link;
import dev.socketdesk.core.spec.SerialSpec;
import dev.socketdesk.core.spec.SessionSpec;
import dev.socketdesk.core.spec.TcpClientSpec;
import dev.socketdesk.core.spec.TcpServerSpec;
import dev.socketdesk.core.spec.UdpSpec;
import dev.socketdesk.engine.HostPort;
import java.util.function.UnaryOperator;

/**
 * The session spec the CLI and the page would build for a link: one validation and one way to open
 * each kind of session.
 */
final class LinkSpecs {
  private LinkSpecs() {}

  /**
   * @param vars fills in the link's {@code ${var}}s.
   * @throws IllegalArgumentException (a {@code SpecException}) naming the bad value and the fix.
   */
  static SessionSpec of(Link link, UnaryOperator<String> vars) {
    if (link instanceof Link.Connect c) {
      return new TcpClientSpec(HostPort.parse(vars.apply(c.address())), null, null, false);
    }
    if (link instanceof Link.Listen l) {
      return new TcpServerSpec(l.bind(), port(vars.apply(l.port())), null, null);
    }
    if (link instanceof Link.Serial s) {
      return serial(s, vars);
    }
    Link.Udp u = (Link.Udp) link;
    HostPort to = u.to() == null ? null : HostPort.parse(vars.apply(u.to()));
    return new UdpSpec(null, port(vars.apply(u.port())), to, null, null, null);
  }

  static SerialSpec serial(Link.Serial s, UnaryOperator<String> vars) {
    return new SerialSpec(
        vars.apply(s.path()),
        s.baud(),
        s.dataBits(),
        s.parity(),
        s.stopBits(),
        s.flow(),
        null,
        null,
        false,
        null);
  }

  private static int port(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port '" + text + "' is not a number; use 0 to 65535");
    }
  }
}
