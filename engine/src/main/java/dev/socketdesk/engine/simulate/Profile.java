package dev.socketdesk.engine.simulate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a simulated device does; each profile reproduces a board program from the tutorials. */
public enum Profile {
  /** S1: connects, sends a greeting, then sends back every chunk it receives with a prefix. */
  ECHO_CLIENT("echo-client", Role.TCP_CLIENT),
  /** S4: listens with SO_REUSEADDR, echoes every chunk, closes on EOF, accepts the next client. */
  TCP_ECHO_SERVER("tcp-echo-server", Role.TCP_SERVER),
  /** S3: answers every datagram with a fixed reply to its sender. */
  UDP_SERVER("udp-server", Role.UDP_SERVER),
  /** S3: sends a payload at an interval and counts the replies. */
  UDP_CLIENT("udp-client", Role.UDP_CLIENT),
  /** S4: a TCP client that cycles a list of payloads at an interval. */
  PERIODIC_CLIENT("periodic-client", Role.TCP_CLIENT),
  /** A TCP client that reports drifting sensor readings as JSON or CSV lines. */
  SENSOR("sensor", Role.TCP_CLIENT),
  /** A board on a serial port (a pty's far end, say) that echoes every chunk. */
  SERIAL_ECHO_BOARD("serial-echo-board", Role.SERIAL_BOARD),
  /** A WebSocket client that sends its payloads as text messages at an interval (like S4). */
  WS_CLIENT("ws-client", Role.TCP_CLIENT),
  /**
   * A WebSocket server that upgrades at any path and sends back every message as it came, text as
   * text and binary as binary.
   */
  WS_ECHO_SERVER("ws-echo-server", Role.TCP_SERVER);

  /** The kind of socket a device of a profile uses. */
  public enum Role {
    TCP_CLIENT,
    TCP_SERVER,
    UDP_CLIENT,
    UDP_SERVER,
    SERIAL_BOARD
  }

  private final String cliName;
  private final Role role;

  Profile(String cliName, Role role) {
    this.cliName = cliName;
    this.role = role;
  }

  /** The name used on the command line, e.g. {@code echo-client}. */
  public String cliName() {
    return cliName;
  }

  public Role role() {
    return role;
  }

  /**
   * True for profiles that wait for a peer ({@code tcp-echo-server}, {@code ws-echo-server}, {@code
   * udp-server}, {@code serial-echo-board}).
   */
  public boolean isServer() {
    return role == Role.TCP_SERVER || role == Role.UDP_SERVER || role == Role.SERIAL_BOARD;
  }

  /** True for profiles that send payloads on a timer (RTT is measured for these). */
  public boolean sendsPeriodically() {
    return this == UDP_CLIENT || this == PERIODIC_CLIENT || this == SENSOR || this == WS_CLIENT;
  }

  /** All names, comma separated, for messages. */
  public static String names() {
    return Arrays.stream(values()).map(Profile::cliName).collect(Collectors.joining(", "));
  }

  /**
   * Parses a profile name such as {@code echo-client}, case-insensitive.
   *
   * @throws IllegalArgumentException naming the bad value and the choices.
   */
  public static Profile parse(String text) {
    String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Profile p : values()) {
      if (p.cliName.equals(wanted)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown profile '" + text + "'; use one of " + names());
  }

  @Override
  public String toString() {
    return cliName;
  }
}
