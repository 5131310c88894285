package dev.socketdesk.engine;

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

  public UdpConfig {
    HostPort.checkPort(port, 0);
    multicastGroups = List.copyOf(multicastGroups == null ? List.of() : multicastGroups);
    actions = actions == null ? AutoActions.NONE : actions;
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
