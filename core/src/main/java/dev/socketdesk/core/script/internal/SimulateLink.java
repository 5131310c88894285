package dev.socketdesk.core.script.internal;

import dev.socketdesk.core.script.Link;
import dev.socketdesk.core.script.Location;
import dev.socketdesk.core.script.ScriptException;
import dev.socketdesk.core.script.TestCase;
import dev.socketdesk.engine.simulate.Profile;

/**
 * Whether a {@code simulate} step's profile can work in a script, checked when the script is read:
 * a serial board needs a port path a script cannot give, and a client profile without {@code to:}
 * connects to its link, which must wait for that kind of client.
 */
final class SimulateLink {
  private SimulateLink() {}

  /**
   * @param link the link a client profile connects to; null for a server profile or with {@code
   *     to:}.
   * @throws ScriptException at {@code at}, naming the profile, the link and what works instead.
   */
  static void check(Profile profile, String linkName, Link link, Location at) {
    String name = profile.cliName();
    if (profile.role() == Profile.Role.SERIAL_BOARD) {
      throw new ScriptException(
          at,
          "simulate: "
              + name
              + " needs a serial port's path, which a script cannot give; run socketdesk simulate "
              + name
              + " --serial PATH beside the test, and give the test a serial: link to the other end");
    }
    if (link == null) {
      return;
    }
    if (profile == Profile.WS_CLIENT) {
      throw new ScriptException(
          at,
          "simulate: ws-client speaks WebSocket, and a script cannot listen for WebSocket clients"
              + " ("
              + named(linkName)
              + " is "
              + kind(link)
              + "); simulate a TCP client (echo-client, periodic-client, sensor) on a listen:"
              + " link, or give to: the address of a WebSocket server");
    }
    boolean udp = profile.role() == Profile.Role.UDP_CLIENT;
    boolean fits = udp ? link instanceof Link.Udp : link instanceof Link.Listen;
    if (!fits) {
      throw new ScriptException(
          at,
          "simulate: "
              + name
              + " connects over "
              + (udp ? "UDP" : "TCP")
              + ", and "
              + named(linkName)
              + " is "
              + kind(link)
              + "; give it "
              + (udp ? "a udp: link" : "a listen: link")
              + " to connect to, or to: HOST:PORT");
    }
  }

  private static String named(String linkName) {
    return linkName.equals(TestCase.DEFAULT_LINK) ? "the test's link" : "link '" + linkName + "'";
  }

  private static String kind(Link link) {
    if (link instanceof Link.Connect) {
      return "a connect: link";
    }
    if (link instanceof Link.WebSocket) {
      return "a ws: link";
    }
    if (link instanceof Link.Listen) {
      return "a TCP listen: link";
    }
    if (link instanceof Link.Udp) {
      return "a udp: link";
    }
    return "a serial: link";
  }
}
