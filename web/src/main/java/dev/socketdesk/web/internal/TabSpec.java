package dev.socketdesk.web.internal;

import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.TcpClientConfig;
import dev.socketdesk.engine.TcpServerConfig;
import dev.socketdesk.engine.UdpConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the New session form asked for.
 *
 * @param localHost local address; null for all addresses.
 * @param localPort local port (server, UDP); 0 lets the system choose.
 * @param remote server to connect to (client), default destination (UDP) or null.
 * @param reconnect client only: reconnect when the connection fails or is lost.
 * @param maxClients server only: refuse clients beyond this many at once; 0 for no limit.
 * @param connectTimeoutMillis client only: give up a connection attempt after this long.
 * @param broadcast UDP only: allow sending to broadcast addresses.
 * @param multicastGroups UDP only: groups to join after binding.
 * @param multicastInterface UDP only: the interface for the joins; null for the system's choice.
 */
record TabSpec(
    SessionType type,
    String localHost,
    int localPort,
    HostPort remote,
    boolean reconnect,
    int maxClients,
    long connectTimeoutMillis,
    boolean broadcast,
    List<String> multicastGroups,
    String multicastInterface) {
  static final int MAX_CLIENTS_LIMIT = 1_000_000;
  static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;

  /** Groups are separated by commas or spaces, in a text and inside each element of a list. */
  private static final String GROUP_SEPARATORS = "[,\\s]+";

  TabSpec {
    multicastGroups = List.copyOf(multicastGroups);
  }

  static TabSpec fromJson(JsonObject o) {
    if (o == null) {
      throw ApiException.badRequest("the request has no JSON body");
    }
    SessionType type = parseType(o.getString("type"));
    String host = o.getString("localHost", "");
    host = host == null || host.isBlank() ? null : host.trim();
    int port = parsePort(o.getValue("localPort"));
    String remoteText = o.getString("remote", "");
    HostPort remote =
        remoteText == null || remoteText.isBlank() ? null : HostPort.parse(remoteText);
    if (type == SessionType.TCP_CLIENT && remote == null) {
      throw ApiException.badRequest(
          "a TCP client needs the server's address; enter HOST:PORT, e.g. 192.168.1.10:5000");
    }
    String nif = o.getString("multicastInterface", "");
    return new TabSpec(
        type,
        host,
        port,
        remote,
        JsonFields.flag(o, "reconnect", false),
        (int) JsonNumbers.whole(o, "maxClients", 0, 0, MAX_CLIENTS_LIMIT, "clients"),
        parseConnectTimeout(o.getValue("connectTimeoutS")),
        JsonFields.flag(o, "broadcast", false),
        parseGroups(o.getValue("multicast")),
        nif == null || nif.isBlank() ? null : nif.trim());
  }

  private static long parseConnectTimeout(Object value) {
    if (value == null || value.toString().isBlank()) {
      return DEFAULT_CONNECT_TIMEOUT_MILLIS;
    }
    String text = value.toString().trim();
    double seconds = text.matches("[0-9]+(\\.[0-9]*)?|\\.[0-9]+") ? Double.parseDouble(text) : -1;
    if (seconds < 0.1 || seconds > 600) {
      throw ApiException.badRequest(
          "connect timeout '" + text + "' is not valid; use seconds from 0.1 to 600, e.g. 5");
    }
    return Math.round(seconds * 1000);
  }

  /** Groups from a JSON array or a text of addresses separated by commas or spaces. */
  private static List<String> parseGroups(Object value) {
    List<String> groups = new ArrayList<>();
    if (value instanceof JsonArray array) {
      array.forEach(g -> groups.addAll(List.of(String.valueOf(g).split(GROUP_SEPARATORS))));
    } else if (value != null) {
      groups.addAll(List.of(value.toString().split(GROUP_SEPARATORS)));
    }
    groups.removeIf(String::isEmpty);
    return groups;
  }

  private static SessionType parseType(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return switch (t) {
      case "tcp-server" -> SessionType.TCP_SERVER;
      case "tcp-client" -> SessionType.TCP_CLIENT;
      case "udp" -> SessionType.UDP;
      default ->
          throw ApiException.badRequest(
              "session type '" + text + "' is unknown; use tcp-server, tcp-client or udp");
    };
  }

  private static int parsePort(Object value) {
    if (value == null || value.toString().isBlank()) {
      return 0;
    }
    if (value instanceof Number n) {
      HostPort.checkPort(n.intValue(), 0);
      if (n.doubleValue() != n.intValue()) {
        throw ApiException.badRequest("port " + n + " is not a whole number; use 0 to 65535");
      }
      return n.intValue();
    }
    return HostPort.parsePort(value.toString(), 0);
  }

  Session create(Engine engine, AutoActions actions) {
    return switch (type) {
      case TCP_SERVER ->
          engine.tcpServer(
              TcpServerConfig.listen(localHost, localPort)
                  .withMaxClients(maxClients)
                  .withActions(actions));
      case TCP_CLIENT ->
          engine.tcpClient(
              TcpClientConfig.connect(remote)
                  .withBindHost(localHost)
                  .withConnectTimeout(Duration.ofMillis(connectTimeoutMillis))
                  .withReconnect(reconnect)
                  .withActions(actions));
      case UDP ->
          engine.udp(
              UdpConfig.bind(localHost, localPort)
                  .withRemote(remote)
                  .withBroadcast(broadcast)
                  .withMulticast(multicastGroups, multicastInterface)
                  .withActions(actions));
    };
  }

  String typeCode() {
    return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("type", typeCode())
        .put("localHost", localHost == null ? "" : localHost)
        .put("localPort", localPort)
        .put("remote", remote == null ? "" : remote.toString())
        .put("reconnect", reconnect)
        .put("maxClients", maxClients)
        .put("connectTimeoutS", connectTimeoutMillis / 1000.0)
        .put("broadcast", broadcast)
        .put("multicast", String.join(", ", multicastGroups))
        .put("multicastInterface", multicastInterface == null ? "" : multicastInterface);
  }
}
