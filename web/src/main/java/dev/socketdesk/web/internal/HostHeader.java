package dev.socketdesk.web.internal;

import java.util.Locale;

/**
 * A parsed {@code Host} header: {@code name[:port]} or {@code [ipv6][:port]}, as RFC 3986 allows it
 * in an HTTP authority, without userinfo. The name is lower-case and unbracketed; a header without
 * a port has port 80.
 */
record HostHeader(String name, int port) {
  private static final int DEFAULT_PORT = 80;

  /**
   * Parses {@code text}, or returns null when it is not a well-formed host: empty, with userinfo
   * ({@code a@host}), with characters a host name cannot hold, an unclosed or misplaced bracket, or
   * a port that is not 1 to 5 ASCII digits up to 65535 (so {@code +8201}, {@code 8201 } and {@code
   * host:} are malformed).
   */
  static HostHeader parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String h = text.toLowerCase(Locale.ROOT);
    String name;
    String portPart;
    if (h.charAt(0) == '[') {
      int close = h.indexOf(']');
      if (close < 0) {
        return null;
      }
      name = h.substring(1, close);
      portPart = h.substring(close + 1);
      if (name.isEmpty() || !only(name, "0123456789abcdef:.")) {
        return null;
      }
    } else {
      int colon = h.indexOf(':');
      name = colon < 0 ? h : h.substring(0, colon);
      portPart = colon < 0 ? "" : h.substring(colon);
      if (name.isEmpty() || !only(name, "0123456789abcdefghijklmnopqrstuvwxyz-._~")) {
        return null;
      }
    }
    if (portPart.isEmpty()) {
      return new HostHeader(name, DEFAULT_PORT);
    }
    String digits = portPart.substring(1);
    if (portPart.charAt(0) != ':'
        || digits.isEmpty()
        || digits.length() > 5
        || !only(digits, "0123456789")) {
      return null;
    }
    int port = Integer.parseInt(digits);
    return port > 65535 ? null : new HostHeader(name, port);
  }

  private static boolean only(String text, String allowed) {
    for (int i = 0; i < text.length(); i++) {
      if (allowed.indexOf(text.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }
}
