package dev.socketdesk.engine;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.List;

/**
 * A UDP endpoint: bound locally, sends to any {@code host:port}, receives with the source address.
 * Each distinct source address becomes a {@link Peer}.
 *
 * @param bindHost local address; null for all addresses.
 * @param port local port; 0 to let the system choose.
 * @param remote where {@link Session#send(byte[])} goes; null to answer the last sender.
 * @param broadcast allow sending to broadcast addresses.
 * @param multicastGroups groups to join after binding.
 * @param multicastInterface network interface name for the joins; null for the system's choice.
 * @param actions automatic answers.
 */
public record UdpConfig(
    String bindHost,
    int port,
    HostPort remote,
    boolean broadcast,
    List<String> multicastGroups,
    String multicastInterface,
    AutoActions actions) {

  /**
   * @throws IllegalArgumentException when the port is out of range, or a group is an IP address
   *     that is not a multicast one (a group given as a host name is checked when it is joined).
   */
  public UdpConfig {
    HostPort.checkPort(port, 0);
    multicastGroups = List.copyOf(multicastGroups == null ? List.of() : multicastGroups);
    multicastGroups.forEach(UdpConfig::checkGroup);
    actions = actions == null ? AutoActions.NONE : actions;
  }

  private static void checkGroup(String group) {
    if (group.isBlank()) {
      throw new IllegalArgumentException(
          "the multicast group is empty; use an address in 224.0.0.0/4 or ff00::/8");
    }
    InetAddress literal = NetUtil.createInetAddressFromIpAddressString(group.trim());
    if (literal != null && !literal.isMulticastAddress()) {
      throw new IllegalArgumentException(notMulticast(group));
    }
  }

  /** The message for a group that is not a multicast address. */
  public static String notMulticast(String group) {
    return group + " is not a multicast address; use one in 224.0.0.0/4 or ff00::/8";
  }

  /** Bound on all addresses, no default remote. */
  public static UdpConfig bind(String bindHost, int port) {
    return new UdpConfig(bindHost, port, null, false, List.of(), null, AutoActions.NONE);
  }

  public UdpConfig withRemote(HostPort remote) {
    return new UdpConfig(
        bindHost, port, remote, broadcast, multicastGroups, multicastInterface, actions);
  }

  public UdpConfig withBroadcast(boolean broadcast) {
    return new UdpConfig(
        bindHost, port, remote, broadcast, multicastGroups, multicastInterface, actions);
  }

  public UdpConfig withMulticast(List<String> groups, String networkInterface) {
    return new UdpConfig(bindHost, port, remote, broadcast, groups, networkInterface, actions);
  }

  public UdpConfig withActions(AutoActions actions) {
    return new UdpConfig(
        bindHost, port, remote, broadcast, multicastGroups, multicastInterface, actions);
  }
}
