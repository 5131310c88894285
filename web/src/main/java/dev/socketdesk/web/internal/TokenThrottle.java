package dev.socketdesk.web.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Counts wrong tokens per client. After {@link #MAX_FAILURES} wrong tokens within one {@link
 * #WINDOW_NANOS window} (which starts at the client's first failure), the client is blocked until
 * the window ends.
 *
 * <p>A client is an IPv4 address or an IPv6 /64 prefix; every loopback address (127.0.0.0/8, ::1)
 * is one client, since they all are this machine. The table holds at most {@link #MAX_CLIENTS}
 * clients; the least recently seen one is forgotten first. Thread-safe.
 */
final class TokenThrottle {
  static final int MAX_FAILURES = 10;
  static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
  static final int MAX_CLIENTS = 1024;
  static final String LOOPBACK = "loopback";

  private static final class Window {
    final long start;
    int failures;

    Window(long start) {
      this.start = start;
    }
  }

  private final LongSupplier nanoClock;
  private final Map<String, Window> windows =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
          return size() > MAX_CLIENTS;
        }
      };

  TokenThrottle(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /** Nanoseconds until {@code client} may try again; 0 when it is not blocked. */
  synchronized long blockedForNanos(String client) {
    Window w = windows.get(client);
    if (w == null) {
      return 0;
    }
    long elapsed = nanoClock.getAsLong() - w.start;
    if (elapsed >= WINDOW_NANOS) {
      windows.remove(client);
      return 0;
    }
    return w.failures >= MAX_FAILURES ? WINDOW_NANOS - elapsed : 0;
  }

  /** Counts one wrong token from {@code client}. */
  synchronized void recordFailure(String client) {
    long now = nanoClock.getAsLong();
    Window w = windows.get(client);
    if (w == null || now - w.start >= WINDOW_NANOS) {
      w = new Window(now);
      windows.put(client, w);
    }
    w.failures++;
  }

  synchronized int size() {
    return windows.size();
  }

  /**
   * The client key of a remote address literal: {@link #LOOPBACK} for any loopback address, the
   * IPv4 literal, or the first four groups of an IPv6 address. Never resolves a name: anything that
   * is not an address literal is its own key.
   */
  static String clientKey(String addressLiteral) {
    if (addressLiteral == null || addressLiteral.isEmpty()) {
      return "";
    }
    int pct = addressLiteral.indexOf('%');
    String literal = pct >= 0 ? addressLiteral.substring(0, pct) : addressLiteral;
    InetAddress ip;
    try {
      ip = literal.contains(":") ? ipv6(literal) : ipv4(literal);
    } catch (UnknownHostException e) {
      return addressLiteral;
    }
    if (ip.isLoopbackAddress()) {
      return LOOPBACK;
    }
    if (ip instanceof Inet6Address) {
      byte[] b = ip.getAddress();
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        prefix.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
      }
      return prefix.append(":/64").toString();
    }
    return ip.getHostAddress();
  }

  private static InetAddress ipv4(String literal) throws UnknownHostException {
    String[] parts = literal.split("\\.", -1);
    if (parts.length != 4) {
      throw new UnknownHostException(literal);
    }
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (!parts[i].matches("[0-9]{1,3}") || Integer.parseInt(parts[i]) > 255) {
        throw new UnknownHostException(literal);
      }
      bytes[i] = (byte) Integer.parseInt(parts[i]);
    }
    return InetAddress.getByAddress(bytes);
  }

  /** A bracketed literal is parsed as IPv6 or refused, never looked up. */
  private static InetAddress ipv6(String literal) throws UnknownHostException {
    if (!literal.matches("[0-9a-fA-F:.]+")) {
      throw new UnknownHostException(literal);
    }
    return InetAddress.getByName("[" + literal + "]");
  }
}
