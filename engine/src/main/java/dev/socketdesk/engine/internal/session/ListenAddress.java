package dev.socketdesk.engine.internal.session;

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
   * {@code host:port} as bound: 0.0.0.0 for all addresses, and the real port once bound ({@code
   * bound} null before).
   */
  static String describe(String bindHost, int configuredPort, InetSocketAddress bound) {
    String host = bindHost == null ? "0.0.0.0" : bindHost;
    int port = bound != null ? bound.getPort() : configuredPort;
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
