package dev.socketdesk.engine;

import java.net.InetSocketAddress;

/**
 * The other end of a connection or datagram exchange.
 *
 * @param id small id, stable for the life of the connection (TCP) or of the source address (UDP),
 *     unique within its session and never reused by it; the first peer is 1.
 * @param address the peer's remote address.
 */
public record Peer(int id, InetSocketAddress address) {

  /** {@code host:port}, with IPv6 literals in brackets: {@code [::1]:5000}. */
  public String hostPort() {
    return HostPort.format(address);
  }

  @Override
  public String toString() {
    return "#" + id + " " + hostPort();
  }
}
