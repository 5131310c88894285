package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.HostPort;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** The local address a server or a UDP socket listens on, and how messages name it. */
final class ListenAddress {
  private ListenAddress() {}

  /** The local address to bind: all addresses when {@code host} is null. */
  static InetSocketAddress of(String host, int port) throws UnknownHostException {
    return host == null
        ? new InetSocketAddress(port)
        : new InetSocketAddress(InetAddress.getByName(host), port);
  }

  /**
   * {@code host:port}: once bound, the address as bound, as the listening event names it ({@code
   * [::]:7000} for all addresses on a dual-stack system); before ({@code bound} null), as asked,
   * 0.0.0.0 for all addresses.
   */
  static String describe(String bindHost, int configuredPort, InetSocketAddress bound) {
    if (bound != null) {
      return HostPort.format(bound);
    }
    String host = bindHost == null ? "0.0.0.0" : bindHost;
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + configuredPort;
  }
}
