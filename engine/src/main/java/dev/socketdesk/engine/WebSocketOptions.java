package dev.socketdesk.engine;

import java.time.Duration;
import java.util.List;

/** The checks WebSocket settings share, server and client side; each names the value and fix. */
final class WebSocketOptions {
  /** The token characters of RFC 7230, which subprotocol and header names are made of. */
  private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

  private WebSocketOptions() {}

  static String checkPath(String path) {
    if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
      throw new IllegalArgumentException(
          "path '" + path + "' is not a URL path; use one that starts with /, e.g. /ws");
    }
    return path;
  }

  static List<String> checkSubprotocols(List<String> subprotocols) {
    if (subprotocols == null) {
      return List.of();
    }
    for (String s : subprotocols) {
      if (s == null || !s.matches(TOKEN)) {
        throw new IllegalArgumentException(
            "subprotocol '" + s + "' is not a token; use letters, digits and - . _ e.g. mqtt");
      }
    }
    return List.copyOf(subprotocols);
  }

  static void checkMaxMessage(int max) {
    if (max < 125) {
      throw new IllegalArgumentException(
          "maximum message size " + max + " is too small; use 125 bytes or more");
    }
  }

  static Duration checkPingInterval(Duration interval) {
    if (interval == null || interval.isZero()) {
      return null;
    }
    if (interval.isNegative() || interval.toMillis() < 10) {
      throw new IllegalArgumentException(
          "ping interval " + interval.toMillis() + " ms is too short; use 10 ms or more");
    }
    return interval;
  }

  static boolean isToken(String s) {
    return s != null && s.matches(TOKEN);
  }
}
