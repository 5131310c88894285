package dev.socketdesk.core.script;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a test reaches the device. Addresses and ports are kept as written, since they may hold
 * {@code ${var}}s that a step (such as {@code simulate}) fills in; they are checked when the link
 * opens, at its first use.
 */
public sealed interface Link {

  Location location();

  /**
   * True for a client link ({@code connect}, {@code ws}): it opens at its first use, so its address
   * may use a variable an earlier step sets, and it has no {@code ${NAME.port}}.
   */
  default boolean connects() {
    return false;
  }

  /**
   * The TLS options of a {@code connect} or {@code ws} link ({@code tls: true} or {@code tls: {ca,
   * insecure, sni}}).
   *
   * @param ca the CA certificates (PEM) to verify the server with, as written (may hold {@code
   *     ${var}}s); relative to {@code folder}; null for the system's trust store.
   * @param insecure do not verify the server's certificate.
   * @param sni the server name to send and check the certificate against; null for the host.
   * @param folder the script's folder, which a relative {@code ca} is found in; null for a script
   *     pasted in the page, which has none: its {@code ca} must be an absolute path.
   */
  record Tls(String ca, boolean insecure, String sni, Path folder) {}

  /** {@code connect: HOST:PORT}: a TCP client; {@code tls} null for plain TCP. */
  record Connect(String address, Tls tls, Location location) implements Link {
    @Override
    public boolean connects() {
      return true;
    }
  }

  /**
   * {@code ws: URL} or {@code ws: {url, subprotocol, headers}}: a WebSocket client. Each received
   * message is appended to the link's stream; {@code send} sends a text message, {@code send-hex} a
   * binary one.
   *
   * @param tls the TLS options of a {@code wss://} URL; null for the defaults (or {@code ws://}).
   */
  record WebSocket(
      String url,
      List<String> subprotocols,
      Map<String, String> headers,
      Tls tls,
      Location location)
      implements Link {
    public WebSocket {
      subprotocols = List.copyOf(subprotocols);
      headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }

    @Override
    public boolean connects() {
      return true;
    }
  }

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
