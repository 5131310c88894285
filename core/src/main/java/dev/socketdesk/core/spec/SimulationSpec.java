package dev.socketdesk.core.spec;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.codec.Escapes;
import dev.socketdesk.engine.codec.LineEnding;
import dev.socketdesk.engine.codec.PayloadFormatException;
import dev.socketdesk.engine.codec.SendFormat;
import dev.socketdesk.engine.simulate.InvalidSettingException;
import dev.socketdesk.engine.simulate.Profile;
import dev.socketdesk.engine.simulate.SensorFormat;
import dev.socketdesk.engine.simulate.SimulationConfig;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Simulated devices. JSON: {@code {"profile": "echo-client", "target": "127.0.0.1:10000", "count":
 * 10, "ramp": 0, "intervalMs": 1000, "durationS": 0, "messages": 0}} beside the fields of a {@link
 * SendFormatSpec}, which encode the payloads; see docs/simulate.md for the profiles.
 *
 * @param profile required: echo-client, tcp-echo-server, udp-server, udp-client, periodic-client or
 *     sensor.
 * @param session client profiles, in the page: the id of an open session to target instead of
 *     {@code target}; the front end resolves it.
 * @param target client profiles: HOST:PORT; required unless {@code session} is given.
 * @param bind server profiles: local address; null for all addresses.
 * @param port server profiles: 0 to 65535; required.
 * @param count client profiles: 1 to {@value #MAX_COUNT} devices; default 1.
 * @param ramp new devices per second, 0 (as fast as possible) or more; default 0.
 * @param intervalMs time between a device's sends, 0 (flat out) to {@link Durations#MAX_INTERVAL};
 *     default 1 s.
 * @param durationS stop after this long, up to {@link Durations#MAX_INTERVAL}; 0 or missing: until
 *     done or stopped.
 * @param messages payloads per device, then it closes; 0 (default) for no limit.
 * @param payloads the payloads sent in turn, one per line in a text; default the profile's.
 * @param greeting echo-client: text (with escapes) sent on connect.
 * @param prefix echo-client: text put before each echo.
 * @param reply udp-server: the answer to every datagram.
 * @param sensorFormat sensor: json or csv.
 * @param verifyEcho check that the target echoes every payload byte for byte.
 * @param connectTimeoutS 1 ms to {@link Durations#MAX_CONNECT_TIMEOUT}; default 5 s.
 * @param threads network threads, 1 to 1024; null for one per core.
 */
public record SimulationSpec(
    Profile profile,
    Integer session,
    HostPort target,
    String bind,
    Integer port,
    Integer count,
    Double ramp,
    @JsonAlias("interval") Duration intervalMs,
    @JsonAlias("duration") Duration durationS,
    Long messages,
    @JsonDeserialize(using = SpecValueReaders.Lines.class) List<String> payloads,
    String greeting,
    String prefix,
    String reply,
    SensorFormat sensorFormat,
    Boolean verifyEcho,
    @JsonAlias("connectTimeout") Duration connectTimeoutS,
    Integer threads) {
  public static final int MAX_COUNT = 1_000_000;
  public static final int MAX_THREADS = 1024;

  public SimulationSpec {
    if (profile == null) {
      throw SpecException.of("profile", "is missing; use one of " + Profile.names());
    }
    if (profile.isServer()) {
      if (target != null) {
        throw SpecException.of(
            "target",
            "does not apply to "
                + profile.cliName()
                + ": a server profile listens; give a port (and a local address) instead");
      }
      if (port == null) {
        throw SpecException.of(
            "port",
            "is missing: "
                + profile.cliName()
                + " listens on a port; enter one, e.g. 5001 (0 = any free port)");
      }
      port = Specs.port("port", port, 0, 0);
    } else if (target == null && session == null) {
      throw SpecException.worded(
          "target", profile.cliName() + " needs a target; give HOST:PORT, e.g. 127.0.0.1:10000");
    }
    bind = Specs.host(bind);
    count = Specs.whole("count", count, 1, 1, MAX_COUNT);
    ramp = ramp == null ? 0.0 : ramp;
    if (ramp < 0 || ramp.isNaN() || ramp.isInfinite()) {
      throw SpecException.of(
          "ramp", ramp + " is not valid; use devices per second, 0 for as fast as possible");
    }
    intervalMs =
        Specs.duration(
            "intervalMs", intervalMs, Duration.ofSeconds(1), Duration.ZERO, Durations.MAX_INTERVAL);
    durationS =
        durationS == null || durationS.isZero()
            ? null
            : Specs.duration(
                "durationS", durationS, null, Duration.ofMillis(1), Durations.MAX_INTERVAL);
    messages = Specs.whole("messages", messages, 0, 0, Long.MAX_VALUE);
    payloads = payloads == null ? List.of() : List.copyOf(payloads);
    greeting = greeting == null ? SimulationConfig.DEFAULT_GREETING : greeting;
    prefix = prefix == null ? SimulationConfig.DEFAULT_ECHO_PREFIX : prefix;
    reply = reply == null ? SimulationConfig.DEFAULT_REPLY : reply;
    sensorFormat = sensorFormat == null ? SensorFormat.JSON : sensorFormat;
    verifyEcho = Specs.flag(verifyEcho);
    connectTimeoutS =
        Specs.duration(
            "connectTimeoutS",
            connectTimeoutS,
            TcpClientSpec.DEFAULT_CONNECT_TIMEOUT,
            Duration.ofMillis(1),
            Durations.MAX_CONNECT_TIMEOUT);
    if (threads != null) {
      threads = Specs.whole("threads", threads, 1, 1, MAX_THREADS);
    }
  }

  /**
   * The payload format of this profile: the sensor profile's readings are lines, so without a line
   * ending of its own it ends each with LF.
   */
  public SendFormat payloadFormat(SendFormat format) {
    return profile == Profile.SENSOR && format.lineEnding() == LineEnding.NONE
        ? format.withLineEnding(LineEnding.LF)
        : format;
  }

  /** This spec with {@code target}, e.g. the address of the session it names. */
  public SimulationSpec withTarget(HostPort target) {
    return new SimulationSpec(
        profile,
        null,
        target,
        bind,
        port,
        count,
        ramp,
        intervalMs,
        durationS,
        messages,
        payloads,
        greeting,
        prefix,
        reply,
        sensorFormat,
        verifyEcho,
        connectTimeoutS,
        threads);
  }

  /**
   * The engine's config, payloads in {@code format} (see {@link #payloadFormat}).
   *
   * @throws SpecException naming the field, also when a client profile's {@code session} was not
   *     resolved to a target.
   */
  public SimulationConfig config(SendFormat format) {
    return config(format, b -> b);
  }

  /**
   * The engine's config, as {@link #config(SendFormat)}, with what a front end sets that is not a
   * spec field (e.g. the serial port of the serial-echo-board profile) added by {@code extra}.
   */
  public SimulationConfig config(SendFormat format, UnaryOperator<SimulationConfig.Builder> extra) {
    SendFormat payloadFormat = payloadFormat(format);
    Charset charset = format.charset();
    if (!profile.isServer() && target == null) {
      throw SpecException.of("session", "is not resolved to an address; give a target instead");
    }
    try {
      SimulationConfig.Builder b =
          SimulationConfig.builder(profile)
              .count(count)
              .ramp(ramp)
              .interval(intervalMs)
              .duration(durationS)
              .messages(messages)
              .payloads(payloads)
              .encoder(payloadFormat::encode)
              .greeting(text("greeting", greeting, charset))
              .echoPrefix(text("prefix", prefix, charset))
              .reply(text("reply", reply, charset))
              .connectTimeout(connectTimeoutS)
              .sensorFormat(sensorFormat)
              .verifyEcho(verifyEcho);
      if (threads != null) {
        b.threads(threads);
      }
      if (profile.isServer()) {
        b.bind(bind, port);
      } else {
        b.target(target);
      }
      return extra.apply(b).build();
    } catch (InvalidSettingException e) {
      throw SpecException.of(field(e.setting()), e.problem());
    } catch (PayloadFormatException e) {
      throw SpecException.worded("payloads", e.getMessage());
    } catch (SpecException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw SpecException.worded(null, e.getMessage());
    }
  }

  private static byte[] text(String field, String text, Charset charset) {
    try {
      return Escapes.encode(text, charset);
    } catch (PayloadFormatException e) {
      throw SpecException.worded(field, e.getMessage());
    }
  }

  /** The spec field of an engine setting. */
  public static String field(InvalidSettingException.Setting setting) {
    return switch (setting) {
      case COUNT -> "count";
      case RAMP -> "ramp";
      case MESSAGES -> "messages";
      case DURATION -> "durationS";
      case INTERVAL -> "intervalMs";
      case CONNECT_TIMEOUT -> "connectTimeoutS";
      case THREADS -> "threads";
    };
  }
}
