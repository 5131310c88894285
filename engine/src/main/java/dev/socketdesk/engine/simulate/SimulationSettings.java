package dev.socketdesk.engine.simulate;

import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.SerialConfig;
import dev.socketdesk.engine.TlsConfig;
import dev.socketdesk.engine.simulate.InvalidSettingException.Setting;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The values a {@link SimulationConfig.Builder} collects, with their defaults, and the checks
 * {@link SimulationConfig.Builder#build()} makes. A builder's instance stays mutable; a {@link
 * SimulationConfig} holds only a {@link #checkedCopy()}, whose arrays and lists nobody else sees.
 */
final class SimulationSettings {
  final Profile profile;
  HostPort target;
  String bindHost;
  int port;
  int count = 1;
  double rampPerSecond;
  Duration duration;
  long messages;
  Duration interval = Duration.ofSeconds(1);
  List<String> payloads;
  PayloadEncoder encoder;
  byte[] greeting = SimulationConfig.DEFAULT_GREETING.getBytes(StandardCharsets.UTF_8);
  byte[] echoPrefix = SimulationConfig.DEFAULT_ECHO_PREFIX.getBytes(StandardCharsets.UTF_8);
  byte[] reply = SimulationConfig.DEFAULT_REPLY.getBytes(StandardCharsets.UTF_8);
  Duration connectTimeout = Duration.ofSeconds(5);
  SensorFormat sensorFormat = SensorFormat.JSON;
  boolean verifyEcho;
  int threads = Runtime.getRuntime().availableProcessors();
  SerialConfig serial;
  Shard shard = Shard.WHOLE;

  /** The whole fleet's devices when sharded; -1 while {@link #count} is the fleet. */
  int fleetCount = -1;

  List<InetAddress> sourceAddresses = List.of();
  Path histogramLog;
  String runId = "none";
  TlsConfig tls;
  String webSocketPath = "/";

  SimulationSettings(Profile profile) {
    if (profile == null) {
      throw new IllegalArgumentException("no profile; use one of " + Profile.names());
    }
    this.profile = profile;
  }

  /**
   * Checks the values, fills in the profile's defaults (here, as the builder always did), and
   * returns a copy whose {@link #count} is the shard's devices and {@link #fleetCount} the fleet's.
   */
  SimulationSettings checkedCopy() {
    checkProfileFits();
    int devices = count;
    int fleet = fleetCount;
    if (fleet >= 0) {
      if (profile.isServer()) {
        throw new IllegalArgumentException(
            "shards apply to client profiles; a server profile runs one listening socket");
      }
      if (fleet < 1) {
        throw new InvalidSettingException(Setting.COUNT, fleet + " is too small; use 1 or more");
      }
      devices = shard.devices(fleet);
    } else {
      if (devices < 1) {
        throw new InvalidSettingException(Setting.COUNT, devices + " is too small; use 1 or more");
      }
      fleet = devices;
    }
    if (!runId.matches("[A-Za-z0-9._:+-]{1,64}")) {
      throw new IllegalArgumentException(
          "run id '"
              + runId
              + "' is not usable; use up to 64 letters, digits and . _ : + -, e.g. run-42");
    }
    if (!sourceAddresses.isEmpty() && profile.isServer()) {
      throw new IllegalArgumentException(
          "source addresses apply to client profiles; a server profile listens on its bind"
              + " address");
    }
    checkPacing();
    fillProfileDefaults();
    for (String p : payloads) {
      encoder.encode(p.replace("{id}", "1").replace("{seq}", "1").replace("{time}", "0"));
    }
    return copy(devices, fleet);
  }

  /** The serial port, target, bind port, TLS and WebSocket path suit the profile. */
  private void checkProfileFits() {
    if (profile == Profile.SERIAL_ECHO_BOARD && serial == null) {
      throw new IllegalArgumentException(
          "serial-echo-board needs a serial port; give its path, e.g. /dev/ttyUSB1 or a socat"
              + " pty link");
    }
    if (profile.isServer()) {
      HostPort.checkPort(port, 0);
      if (count != 1) {
        throw new InvalidSettingException(
            Setting.COUNT,
            count
                + " does not apply to "
                + profile.cliName()
                + "; a server profile runs one listening socket (it serves any number of"
                + " clients)");
      }
    } else if (target == null) {
      throw new IllegalArgumentException(
          profile.cliName() + " needs a target; give HOST:PORT, e.g. 127.0.0.1:10000");
    }
    if (tls != null
        && (profile.role() == Profile.Role.UDP_CLIENT
            || profile.role() == Profile.Role.UDP_SERVER)) {
      throw new IllegalArgumentException(
          profile.cliName() + " uses UDP, which has no TLS; leave TLS out");
    }
    if (webSocketPath == null || !webSocketPath.startsWith("/")) {
      throw new IllegalArgumentException(
          "WebSocket path '" + webSocketPath + "' does not start with /; use e.g. /ws");
    }
  }

  /** Ramp, message limit, duration, interval, connect timeout and threads are in range. */
  private void checkPacing() {
    if (rampPerSecond < 0) {
      throw new InvalidSettingException(
          Setting.RAMP, rampPerSecond + " is negative; use 0 for as fast as possible");
    }
    if (messages < 0) {
      throw new InvalidSettingException(
          Setting.MESSAGES, messages + " is negative; use 0 for no limit");
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new InvalidSettingException(
          Setting.DURATION, duration + " is not positive; use e.g. 30s or 5m");
    }
    if (interval == null || interval.isNegative()) {
      throw new InvalidSettingException(
          Setting.INTERVAL, interval + " is negative; use e.g. 1s, 100ms, or 0 for flat out");
    }
    if (connectTimeout == null || connectTimeout.toMillis() < 1) {
      throw new InvalidSettingException(
          Setting.CONNECT_TIMEOUT, connectTimeout + " is too short; use e.g. 5s");
    }
    if (threads < 1) {
      throw new InvalidSettingException(Setting.THREADS, threads + " is too small; use 1 or more");
    }
  }

  private void fillProfileDefaults() {
    if (payloads == null || payloads.isEmpty()) {
      payloads =
          profile == Profile.UDP_CLIENT
              ? List.of(SimulationConfig.UDP_CLIENT_PAYLOAD)
              : SimulationConfig.PERIODIC_PAYLOADS;
    }
    if (encoder == null) {
      encoder = profile == Profile.SENSOR ? PayloadEncoder.utf8Lines() : PayloadEncoder.utf8();
    }
    if (sensorFormat == null) {
      sensorFormat = SensorFormat.JSON;
    }
  }

  private SimulationSettings copy(int devices, int fleet) {
    SimulationSettings c = new SimulationSettings(profile);
    c.target = target;
    c.bindHost = bindHost;
    c.port = port;
    c.count = devices;
    c.rampPerSecond = rampPerSecond;
    c.duration = duration;
    c.messages = messages;
    c.interval = interval;
    c.payloads = List.copyOf(payloads);
    c.encoder = encoder;
    c.greeting = greeting.clone();
    c.echoPrefix = echoPrefix.clone();
    c.reply = reply.clone();
    c.connectTimeout = connectTimeout;
    c.sensorFormat = sensorFormat;
    c.verifyEcho = verifyEcho;
    c.threads = threads;
    c.serial = serial;
    c.shard = shard;
    c.fleetCount = fleet;
    c.sourceAddresses = List.copyOf(sourceAddresses);
    c.histogramLog = histogramLog;
    c.runId = runId;
    c.tls = tls;
    c.webSocketPath = webSocketPath;
    return c;
  }
}
