package dev.socketdesk.core.script;

import java.time.Duration;

/**
 * How a test reaches the device. Addresses and ports are kept as written, since they may hold
 * {@code ${var}}s that a step (such as {@code simulate}) fills in; they are checked when the link
 * opens, at its first use.
 */
public sealed interface Link {

  Location location();

  /** {@code connect: HOST:PORT}: a TCP client. */
  record Connect(String address, Location location) implements Link {}

  /**
   * {@code listen: PORT}: a TCP server that waits up to {@code acceptTimeout} for its first client;
   * the test talks to that client.
   */
  record Listen(String bind, String port, Duration acceptTimeout, Location location)
      implements Link {}

  /**
   * {@code udp: {port, to}}: a UDP socket that sends to {@code to} (or answers the last sender).
   */
  record Udp(String port, String to, Location location) implements Link {}

  /**
   * {@code serial: {path, baud, data-bits, parity, stop-bits, flow}}: a serial port; null values
   * take the serial session's defaults (115200 8N1, no flow control).
   */
  record Serial(
      String path,
      Integer baud,
      Integer dataBits,
      String parity,
      String stopBits,
      String flow,
      Location location)
      implements Link {}
}
