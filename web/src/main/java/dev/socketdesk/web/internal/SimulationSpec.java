package dev.socketdesk.web.internal;

import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.codec.AsciiNumbers;
import dev.socketdesk.engine.codec.Escapes;
import dev.socketdesk.engine.codec.LineEnding;
import dev.socketdesk.engine.codec.SendFormat;
import dev.socketdesk.engine.simulate.Profile;
import dev.socketdesk.engine.simulate.SensorFormat;
import dev.socketdesk.engine.simulate.SimulationConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What the Simulate devices form asked for, turned into a {@link SimulationConfig}. Fields: {@code
 * profile}; {@code session} (id of an open session to target) or {@code target} (HOST:PORT) for
 * client profiles; {@code port} and {@code bind} for server profiles; {@code count}, {@code ramp}
 * (devices per second), {@code intervalMs}, {@code durationS} (0 = until stopped), {@code
 * messages}; {@code greeting}, {@code prefix}, {@code reply}, {@code payloads}, {@code
 * sensorFormat}, {@code verifyEcho}; payload format fields as for a normal send.
 */
final class SimulationSpec {
  static final int MAX_COUNT = 100_000;

  private SimulationSpec() {}

  /** Builds the config; {@code sessions} finds an open session by id. */
  static SimulationConfig parse(JsonObject o, IntFunction<Session> sessions) {
    if (o == null) {
      throw ApiException.badRequest("the request has no JSON body");
    }
    Profile profile = Profile.parse(o.getString("profile", ""));
    SendFormat format = Payloads.format(o);
    if (profile == Profile.SENSOR && format.lineEnding() == LineEnding.NONE) {
      format = format.withLineEnding(LineEnding.LF);
    }
    Charset charset = format.charset();
    int count =
        (int) JsonNumbers.whole(o, "count", 1, 1, profile.isServer() ? 1 : MAX_COUNT, "devices");
    double ramp = o.getValue("ramp") == null ? 0 : decimal(o, "ramp");
    long intervalMs = JsonNumbers.whole(o, "intervalMs", 1000, 0, 86_400_000L, "ms");
    long durationS = JsonNumbers.whole(o, "durationS", 0, 0, 31L * 86_400, "seconds");
    long messages = JsonNumbers.whole(o, "messages", 0, 0, Long.MAX_VALUE, "messages");
    SendFormat payloadFormat = format;
    SimulationConfig.Builder b =
        SimulationConfig.builder(profile)
            .count(count)
            .ramp(ramp)
            .interval(Duration.ofMillis(intervalMs))
            .duration(durationS == 0 ? null : Duration.ofSeconds(durationS))
            .messages(messages)
            .payloads(payloads(o.getValue("payloads")))
            .encoder(payloadFormat::encode)
            .greeting(
                Escapes.encode(o.getString("greeting", SimulationConfig.DEFAULT_GREETING), charset))
            .echoPrefix(
                Escapes.encode(
                    o.getString("prefix", SimulationConfig.DEFAULT_ECHO_PREFIX), charset))
            .reply(Escapes.encode(o.getString("reply", SimulationConfig.DEFAULT_REPLY), charset))
            .sensorFormat(SensorFormat.parse(o.getString("sensorFormat", "json")))
            .verifyEcho(JsonFields.flag(o, "verifyEcho", false));
    if (profile.isServer()) {
      String bind = o.getString("bind", "");
      int port = (int) JsonNumbers.whole(o, "port", -1, 0, 65535, "port");
      if (port < 0) {
        throw ApiException.badRequest(
            profile.cliName() + " listens on a port; enter one, e.g. 5001 (0 = any free port)");
      }
      b.bind(bind == null || bind.isBlank() ? null : bind.trim(), port);
    } else {
      b.target(target(o, profile, sessions));
    }
    return b.build();
  }

  private static HostPort target(JsonObject o, Profile profile, IntFunction<Session> sessions) {
    Object sessionId = o.getValue("session");
    if (sessionId != null && !sessionId.toString().isBlank()) {
      long id = AsciiNumbers.parse(sessionId.toString().strip(), -1);
      if (id < 0 || id > Integer.MAX_VALUE) {
        throw ApiException.badRequest("session '" + sessionId + "' is not a session id");
      }
      return sessionTarget(sessions.apply((int) id), (int) id, profile);
    }
    String text = o.getString("target", "");
    if (text == null || text.isBlank()) {
      throw ApiException.badRequest(
          profile.cliName() + " needs a target; pick an open session or enter HOST:PORT");
    }
    return HostPort.parse(text.trim());
  }

  /** The address a device reaches {@code session} at: its bound address, loopback for "all". */
  static HostPort sessionTarget(Session session, int id, Profile profile) {
    boolean udp = profile.role() == Profile.Role.UDP_CLIENT;
    SessionType wanted = udp ? SessionType.UDP : SessionType.TCP_SERVER;
    if (session.type() != wanted) {
      throw ApiException.badRequest(
          profile.cliName()
              + " needs a "
              + (udp ? "UDP" : "TCP server")
              + " session to connect to, but session "
              + id
              + " is a "
              + session.type().label()
              + "; pick another session or enter HOST:PORT");
    }
    InetSocketAddress local = session.localAddress();
    if (local == null) {
      throw ApiException.conflict("session " + id + " is not bound yet; open it first");
    }
    InetAddress address = local.getAddress();
    String host;
    if (address == null || address.isAnyLocalAddress()) {
      host = address instanceof Inet6Address ? "::1" : "127.0.0.1";
    } else {
      host = address.getHostAddress();
      int scope = host.indexOf('%');
      host = scope >= 0 ? host.substring(0, scope) : host;
    }
    return new HostPort(host, local.getPort());
  }

  private static List<String> payloads(Object value) {
    List<String> list = new ArrayList<>();
    if (value instanceof JsonArray a) {
      a.forEach(p -> add(list, String.valueOf(p)));
    } else if (value != null) {
      for (String line : value.toString().split("\\R")) {
        add(list, line);
      }
    }
    return list;
  }

  private static void add(List<String> list, String payload) {
    if (!payload.isEmpty()) {
      list.add(payload);
    }
  }

  private static double decimal(JsonObject o, String key) {
    Object v = o.getValue(key);
    double d;
    try {
      d = v instanceof Number num ? num.doubleValue() : Double.parseDouble(v.toString().trim());
    } catch (NumberFormatException e) {
      d = Double.NaN;
    }
    if (v.toString().isBlank()) {
      return 0;
    }
    if (Double.isNaN(d) || Double.isInfinite(d) || d < 0) {
      throw ApiException.badRequest(
          key + " '" + v + "' is not valid; use devices per second, 0 for as fast as possible");
    }
    return d;
  }
}
