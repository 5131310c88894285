package dev.socketdesk.web.internal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** This machine's interface addresses, as the native assistants list them. */
final class LocalAddresses {
  private LocalAddresses() {}

  /** One interface address: its literal (with a %scope for link-local IPv6) and interface. */
  record Address(String address, String interfaceName, boolean ipv6, boolean loopback) {}

  /** Every address of every interface that is up: IPv4 first, then IPv6; loopback last. */
  static List<Address> list() {
    List<Address> result = new ArrayList<>();
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nif.isUp()) {
          continue;
        }
        for (InetAddress ip : Collections.list(nif.getInetAddresses())) {
          String literal = ip.getHostAddress();
          if (ip instanceof Inet6Address v6) {
            int pct = literal.indexOf('%');
            literal = compress(pct >= 0 ? literal.substring(0, pct) : literal);
            if (v6.isLinkLocalAddress()) {
              literal += "%" + nif.getName();
            }
          }
          result.add(
              new Address(
                  literal, nif.getName(), !(ip instanceof Inet4Address), ip.isLoopbackAddress()));
        }
      }
    } catch (SocketException e) {
      return List.of(new Address("127.0.0.1", "lo", false, true));
    }
    result.sort(
        (a, b) -> {
          if (a.loopback() != b.loopback()) {
            return a.loopback() ? 1 : -1;
          }
          if (a.ipv6() != b.ipv6()) {
            return a.ipv6() ? 1 : -1;
          }
          return 0;
        });
    return result;
  }

  /** RFC 5952 form of a full IPv6 literal: the longest run of zero groups becomes {@code ::}. */
  static String compress(String full) {
    String[] groups = full.split(":");
    if (groups.length != 8) {
      return full;
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j].equals("0")) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    if (bestStart < 0) {
      return full;
    }
    String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
    String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLen, 8));
    return head + "::" + tail;
  }

  /** The list for the page: "all addresses" first (value ""), then each address. */
  static JsonArray toJson() {
    JsonArray array = new JsonArray();
    array.add(new JsonObject().put("value", "").put("all", true));
    for (Address a : list()) {
      array.add(
          new JsonObject()
              .put("value", a.address())
              .put("interface", a.interfaceName())
              .put("family", a.ipv6() ? "IPv6" : "IPv4")
              .put("loopback", a.loopback()));
    }
    return array;
  }

  /** Lower-case literals and host names by which this machine may be addressed in a Host header. */
  static Set<String> namesOfThisMachine() {
    Set<String> names = new LinkedHashSet<>();
    for (Address a : list()) {
      String literal = a.address();
      int pct = literal.indexOf('%');
      names.add((pct >= 0 ? literal.substring(0, pct) : literal).toLowerCase(Locale.ROOT));
    }
    try {
      String host = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
      names.add(host);
      names.add(host + ".local");
    } catch (Exception ignored) {
      // A machine without a resolvable host name is reached by address.
    }
    return names;
  }
}
