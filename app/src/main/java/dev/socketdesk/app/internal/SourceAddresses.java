package dev.socketdesk.app.internal;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code --source-ips}: local addresses as a comma-separated list of addresses and IPv4 ranges,
 * e.g. {@code 127.0.0.2-127.0.0.9} or {@code 10.0.0.5,10.0.0.6}. Literal addresses only (no DNS).
 */
public final class SourceAddresses {
  /** A range or list holds at most this many addresses. */
  public static final int MAX = 4096;

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private SourceAddresses() {}

  /**
   * Parses the list.
   *
   * @throws CliFailure (usage) naming the bad part and the form to use.
   */
  public static List<InetAddress> parse(String text) {
    List<InetAddress> out = new ArrayList<>();
    for (String part : text.split(",")) {
      String p = part.trim();
      int dash = p.indexOf('-');
      if (dash > 0 && IPV4.matcher(p.substring(0, dash)).matches()) {
        long first = ipv4(p.substring(0, dash), text);
        long last = ipv4(p.substring(dash + 1), text);
        if (last < first) {
          throw bad(text, "the range " + p + " ends before it starts");
        }
        if (last - first + 1 + out.size() > MAX) {
          throw bad(text, "more than " + MAX + " addresses");
        }
        for (long a = first; a <= last; a++) {
          out.add(fromLong(a));
        }
      } else {
        out.add(literal(p, text));
      }
    }
    if (out.size() > MAX) {
      throw bad(text, "more than " + MAX + " addresses");
    }
    return List.copyOf(out);
  }

  /**
   * Checks that the addresses belong to this machine by binding a UDP socket to each (at most the
   * first and last 64), so that a typo fails before the run instead of as thousands of failed
   * connections.
   */
  public static void checkLocal(List<InetAddress> addresses, String text) {
    List<InetAddress> sample =
        addresses.size() <= 128
            ? addresses
            : List.of(addresses.get(0), addresses.get(addresses.size() - 1));
    for (InetAddress a : sample) {
      try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(a, 0))) {
        s.getLocalPort();
      } catch (IOException e) {
        throw CliFailure.usage(
            "--source-ips '"
                + text
                + "': "
                + a.getHostAddress()
                + " is not an address of this machine; use its own addresses (all of"
                + " 127.0.0.0/8 works on loopback)");
      }
    }
  }

  private static long ipv4(String s, String text) {
    if (!IPV4.matcher(s).matches()) {
      throw bad(text, "'" + s + "' is not an IPv4 address");
    }
    long v = 0;
    for (String octet : s.split("\\.")) {
      int o = Integer.parseInt(octet);
      if (o > 255) {
        throw bad(text, "'" + s + "' is not an IPv4 address");
      }
      v = v << 8 | o;
    }
    return v;
  }

  private static InetAddress fromLong(long a) {
    try {
      return Inet4Address.getByAddress(
          new byte[] {(byte) (a >> 24), (byte) (a >> 16), (byte) (a >> 8), (byte) a});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InetAddress literal(String p, String text) {
    boolean v4 = IPV4.matcher(p).matches();
    boolean v6 = p.contains(":") && p.matches("[0-9A-Fa-f:.%\\[\\]a-z0-9]+");
    if (!v4 && !v6) {
      throw bad(text, "'" + p + "' is not an IP address");
    }
    if (v4) {
      return fromLong(ipv4(p, text));
    }
    try {
      return InetAddress.getByName(p.replace("[", "").replace("]", ""));
    } catch (UnknownHostException e) {
      throw bad(text, "'" + p + "' is not an IP address");
    }
  }

  private static CliFailure bad(String text, String problem) {
    return CliFailure.usage(
        "--source-ips '"
            + text
            + "': "
            + problem
            + "; use addresses and ranges such as 127.0.0.2-127.0.0.9 or 10.0.0.5,10.0.0.6");
  }
}
