package dev.socketdesk.web.internal;

import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.TcpClientConfig;
import dev.socketdesk.engine.TcpServerConfig;
import dev.socketdesk.engine.UdpConfig;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * What the New session form asked for.
 *
 * @param localHost local address; null for all addresses.
 * @param localPort local port (server, UDP); 0 lets the system choose.
 * @param remote server to connect to (client), default destination (UDP) or null.
 * @param reconnect client only: reconnect when the connection fails or is lost.
 */
record TabSpec(
    SessionType type, String localHost, int localPort, HostPort remote, boolean reconnect) {

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
    return new TabSpec(type, host, port, remote, o.getBoolean("reconnect", false));
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
          engine.tcpServer(TcpServerConfig.listen(localHost, localPort).withActions(actions));
      case TCP_CLIENT ->
          engine.tcpClient(
              TcpClientConfig.connect(remote)
                  .withBindHost(localHost)
                  .withReconnect(reconnect)
                  .withActions(actions));
      case UDP ->
          engine.udp(UdpConfig.bind(localHost, localPort).withRemote(remote).withActions(actions));
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
        .put("reconnect", reconnect);
  }
}
