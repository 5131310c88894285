package dev.socketdesk.engine;

import dev.socketdesk.engine.codec.AsciiNumbers;
import dev.socketdesk.engine.codec.Visible;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * An unresolved {@code host:port} as a user types it: {@code localhost:10000}, {@code
 * 192.168.4.1:5000}, {@code [::1]:10000}. Resolution happens when a session opens, so an unknown
 * host is reported there with a clear message.
 *
 * @param host a host name or an IP literal, without brackets.
 * @param port 0 to 65535.
 */
public record HostPort(String host, int port) {

  /** The most digits a port may be typed with, leading zeros included. */
  private static final int MAX_PORT_DIGITS = 5;

  public HostPort {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host is empty; give a host name or an IP address");
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '[' || c == ']') {
        throw new IllegalArgumentException(
            "host '"
                + Visible.of(host)
                + "' contains "
                + (c == '[' || c == ']' ? "'" + c + "'" : "a space or control character")
                + "; give a host name or an IP address, IPv6 in brackets as in [::1]:10000");
      }
    }
    checkPort(port, 0);
  }

  /**
   * Parses {@code HOST:PORT}, with IPv6 literals in brackets ({@code [fe80::1]:5000}).
   *
   * @throws IllegalArgumentException with a one-line message naming the bad value and the fix.
   */
  public static HostPort parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("address is empty; use HOST:PORT, e.g. 192.168.1.10:5000");
    }
    String s = text.strip();
    String host;
    String portText;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') {
        throw new IllegalArgumentException(
            "address '" + Visible.of(text) + "' is not HOST:PORT; write IPv6 as [::1]:10000");
      }
      host = s.substring(1, close);
      portText = s.substring(close + 2);
    } else {
      int colon = s.lastIndexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(
            "address '"
                + Visible.of(text)
                + "' has no port; use HOST:PORT, e.g. "
                + Visible.of(s)
                + ":5000");
      }
      if (s.indexOf(':') != colon) {
        throw new IllegalArgumentException(
            "address '"
                + Visible.of(text)
                + "' is ambiguous; write IPv6 in brackets, e.g. [::1]:10000");
      }
      host = s.substring(0, colon);
      portText = s.substring(colon + 1);
    }
    if (host.isBlank()) {
      throw new IllegalArgumentException(
          "address '"
              + Visible.of(text)
              + "' has no host; use HOST:PORT, e.g. 127.0.0.1"
              + Visible.of(s));
    }
    return new HostPort(host, parsePort(portText, 1));
  }

  /**
   * Parses a port number.
   *
   * @param min the lowest acceptable port: 0 where the system may choose (binding), 1 for a remote.
   */
  public static int parsePort(String text, int min) {
    String digits = text == null ? "" : text.strip();
    boolean negative = digits.startsWith("-") && AsciiNumbers.isDigits(digits.substring(1));
    if (!AsciiNumbers.isDigits(digits) && !negative) {
      throw new IllegalArgumentException(
          "port '"
              + Visible.of(text)
              + "' is not a number; use a port from "
              + min
              + " to 65535"
              + (AsciiNumbers.hasOtherDigits(digits) ? ", written with the ASCII digits 0-9" : ""));
    }
    if (negative || digits.length() > MAX_PORT_DIGITS) {
      throw new IllegalArgumentException(
          "port " + digits + " is out of range; use a port from " + min + " to 65535");
    }
    int port = Integer.parseInt(digits);
    checkPort(port, min);
    return port;
  }

  /** Throws {@link IllegalArgumentException} unless {@code min <= port <= 65535}. */
  public static void checkPort(int port, int min) {
    if (port < min || port > 65535) {
      throw new IllegalArgumentException(
          "port " + port + " is out of range; use a port from " + min + " to 65535");
    }
  }

  /**
   * {@code host:port}, bracketing IPv6 literals; a serial port's path alone (it is carried as an
   * unresolved address with port 0).
   */
  public static String format(InetSocketAddress address) {
    if (address == null) {
      return "-";
    }
    InetAddress ip = address.getAddress();
    String host = ip != null ? NetUtil.toAddressString(ip) : address.getHostString();
    if (ip == null && address.getPort() == 0) {
      return host;
    }
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  /** An unresolved socket address for this host and port. */
  public InetSocketAddress unresolved() {
    return InetSocketAddress.createUnresolved(host, port);
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
