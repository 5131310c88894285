package dev.socketdesk.engine.simulate;

import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.SerialConfig;
import dev.socketdesk.engine.simulate.InvalidSettingException.Setting;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What to simulate: a profile, where to connect or listen, how many devices, how fast and for how
 * long. Built with {@link #builder(Profile)}; {@link Builder#build()} checks the values and throws
 * {@link IllegalArgumentException} with a one-line message naming the bad value and the fix: an
 * {@link InvalidSettingException} for a bad count, ramp, messages, duration, interval, connect
 * timeout or threads, which also says which setting it was.
 *
 * <p>Payload texts may hold placeholders, replaced per message before encoding: {@code {id}} the
 * device number (1 to count), {@code {seq}} the device's message number (from 1, no gaps), {@code
 * {time}} milliseconds since the epoch.
 */
public final class SimulationConfig {
  /** {@code Hello WalnutPi!}, what the S1 board sends first. */
  public static final String DEFAULT_GREETING = "Hello WalnutPi!";

  /** {@code I got:}, what the S1 board puts before each echo. */
  public static final String DEFAULT_ECHO_PREFIX = "I got:";

  /** {@code hello,i am server}, the S3 board's answer. */
  public static final String DEFAULT_REPLY = "hello,i am server";

  /** The S4 periodic client's payloads. */
  public static final List<String> PERIODIC_PAYLOADS = List.of("Hello Handbit", "I'am MixNo");

  /** The default UDP client payload. */
  public static final String UDP_CLIENT_PAYLOAD = "hello,i am client {id} #{seq}";

  private final Profile profile;
  private final HostPort target;
  private final String bindHost;
  private final int port;
  private final int count;
  private final double rampPerSecond;
  private final Duration duration;
  private final long messages;
  private final Duration interval;
  private final List<String> payloads;
  private final PayloadEncoder encoder;
  private final byte[] greeting;
  private final byte[] echoPrefix;
  private final byte[] reply;
  private final Duration connectTimeout;
  private final SensorFormat sensorFormat;
  private final boolean verifyEcho;
  private final int threads;
  private final SerialConfig serial;
  private final Shard shard;
  private final int fleetCount;
  private final List<InetAddress> sourceAddresses;
  private final Path histogramLog;
  private final String runId;
  private final dev.socketdesk.engine.TlsConfig tls;
  private final String webSocketPath;

  private SimulationConfig(Builder b, int count, int fleetCount) {
    this.profile = b.profile;
    this.target = b.target;
    this.bindHost = b.bindHost;
    this.port = b.port;
    this.count = count;
    this.rampPerSecond = b.rampPerSecond;
    this.duration = b.duration;
    this.messages = b.messages;
    this.interval = b.interval;
    this.payloads = List.copyOf(b.payloads);
    this.encoder = b.encoder;
    this.greeting = b.greeting.clone();
    this.echoPrefix = b.echoPrefix.clone();
    this.reply = b.reply.clone();
    this.connectTimeout = b.connectTimeout;
    this.sensorFormat = b.sensorFormat;
    this.verifyEcho = b.verifyEcho;
    this.threads = b.threads;
    this.serial = b.serial;
    this.shard = b.shard;
    this.fleetCount = fleetCount;
    this.sourceAddresses = List.copyOf(b.sourceAddresses);
    this.histogramLog = b.histogramLog;
    this.runId = b.runId;
    this.tls = b.tls;
    this.webSocketPath = b.webSocketPath;
  }

  /** The serial-echo-board's port and settings; null for other profiles. */
  public SerialConfig serial() {
    return serial;
  }

  /** TLS on every connection (client profiles, tcp-echo-server); null for plain TCP. */
  public dev.socketdesk.engine.TlsConfig tls() {
    return tls;
  }

  /** The path a ws-client upgrades at, with its query; {@code /} by default. */
  public String webSocketPath() {
    return webSocketPath;
  }

  /** A builder with the profile's defaults (see {@link Builder}). */
  public static Builder builder(Profile profile) {
    return new Builder(profile);
  }

  public Profile profile() {
    return profile;
  }

  /** Where client devices connect or send; null for server profiles. */
  public HostPort target() {
    return target;
  }

  /** Where server profiles listen; null for all addresses. */
  public String bindHost() {
    return bindHost;
  }

  /** The server profiles' port; 0 lets the system choose. */
  public int port() {
    return port;
  }

  /** The devices this simulation runs: its shard's share of the fleet (0 to the fleet's count). */
  public int count() {
    return count;
  }

  /** Which part of a fleet this simulation is; {@link Shard#WHOLE} when it runs alone. */
  public Shard shard() {
    return shard;
  }

  /** The devices of the whole fleet; {@link #count()} when the simulation runs alone. */
  public int fleetCount() {
    return fleetCount;
  }

  /** The id of the first device; ids run from here to {@code firstId() + count() - 1}. */
  public int firstId() {
    return shard.firstId(fleetCount);
  }

  /**
   * Local addresses client devices bind to before they connect (or send), device by device in turn,
   * so that a run can use more than one address's local ports; empty for the system's choice.
   */
  public List<InetAddress> sourceAddresses() {
    return sourceAddresses;
  }

  /** Where the run writes its HdrHistogram interval log; null for none (see {@code ShardLog}). */
  public Path histogramLog() {
    return histogramLog;
  }

  /** The fleet run this simulation belongs to, named in its histogram log; never null. */
  public String runId() {
    return runId;
  }

  /** New devices per second; 0 for as fast as possible. */
  public double rampPerSecond() {
    return rampPerSecond;
  }

  /** How long the run lasts; null to end when the devices are done (or on stop). */
  public Duration duration() {
    return duration;
  }

  /** Payloads each device sends before it closes; 0 for no limit. */
  public long messages() {
    return messages;
  }

  /** Time between a device's sends; zero to send as fast as the socket takes them. */
  public Duration interval() {
    return interval;
  }

  /** Payload templates, sent in turn. */
  public List<String> payloads() {
    return payloads;
  }

  public PayloadEncoder encoder() {
    return encoder;
  }

  public byte[] greeting() {
    return greeting.clone();
  }

  public byte[] echoPrefix() {
    return echoPrefix.clone();
  }

  public byte[] reply() {
    return reply.clone();
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public SensorFormat sensorFormat() {
    return sensorFormat;
  }

  /** Whether devices check that what comes back is exactly what they sent (an echo target). */
  public boolean verifyEcho() {
    return verifyEcho;
  }

  /** Network threads of the simulation. */
  public int threads() {
    return threads;
  }

  /** The target for display: {@code host:port} or the bind address. */
  public String targetText() {
    if (serial != null) {
      return serial.path() + " " + serial.baud() + " " + serial.frame();
    }
    if (profile.isServer()) {
      return (bindHost == null ? "*" : bindHost) + ":" + port;
    }
    return target.toString();
  }

  /**
   * Collects settings. Defaults: count 1, no ramp limit, no duration, no message limit, interval 1
   * s, connect timeout 5 s, greeting {@value #DEFAULT_GREETING}, echo prefix {@value
   * #DEFAULT_ECHO_PREFIX}, reply {@value #DEFAULT_REPLY}, payloads {@link #PERIODIC_PAYLOADS}
   * (periodic client) or {@value #UDP_CLIENT_PAYLOAD} (UDP client), UTF-8 payloads (sensor: one
   * line each, LF), JSON sensor readings, one network thread per core.
   */
  public static final class Builder {
    private final Profile profile;
    private HostPort target;
    private String bindHost;
    private int port;
    private int count = 1;
    private double rampPerSecond;
    private Duration duration;
    private long messages;
    private Duration interval = Duration.ofSeconds(1);
    private List<String> payloads;
    private PayloadEncoder encoder;
    private byte[] greeting = DEFAULT_GREETING.getBytes(StandardCharsets.UTF_8);
    private byte[] echoPrefix = DEFAULT_ECHO_PREFIX.getBytes(StandardCharsets.UTF_8);
    private byte[] reply = DEFAULT_REPLY.getBytes(StandardCharsets.UTF_8);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private SensorFormat sensorFormat = SensorFormat.JSON;
    private boolean verifyEcho;
    private int threads = Runtime.getRuntime().availableProcessors();
    private SerialConfig serial;
    private Shard shard = Shard.WHOLE;
    private int fleetCount = -1;
    private List<InetAddress> sourceAddresses = List.of();
    private Path histogramLog;
    private String runId = "none";
    private dev.socketdesk.engine.TlsConfig tls;
    private String webSocketPath = "/";

    private Builder(Profile profile) {
      if (profile == null) {
        throw new IllegalArgumentException("no profile; use one of " + Profile.names());
      }
      this.profile = profile;
    }

    public Builder target(HostPort target) {
      this.target = target;
      return this;
    }

    public Builder bind(String bindHost, int port) {
      this.bindHost = bindHost;
      this.port = port;
      return this;
    }

    /** The serial-echo-board's port and settings. */
    public Builder serial(SerialConfig serial) {
      this.serial = serial;
      return this;
    }

    public Builder count(int count) {
      this.count = count;
      this.fleetCount = -1;
      this.shard = Shard.WHOLE;
      return this;
    }

    public Builder ramp(double perSecond) {
      this.rampPerSecond = perSecond;
      return this;
    }

    public Builder duration(Duration duration) {
      this.duration = duration;
      return this;
    }

    public Builder messages(long messages) {
      this.messages = messages;
      return this;
    }

    public Builder interval(Duration interval) {
      this.interval = interval;
      return this;
    }

    public Builder payloads(List<String> payloads) {
      this.payloads = payloads;
      return this;
    }

    public Builder encoder(PayloadEncoder encoder) {
      this.encoder = encoder;
      return this;
    }

    public Builder greeting(byte[] greeting) {
      this.greeting = greeting == null ? new byte[0] : greeting;
      return this;
    }

    public Builder echoPrefix(byte[] prefix) {
      this.echoPrefix = prefix == null ? new byte[0] : prefix;
      return this;
    }

    public Builder reply(byte[] reply) {
      this.reply = reply == null ? new byte[0] : reply;
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    public Builder sensorFormat(SensorFormat format) {
      this.sensorFormat = format;
      return this;
    }

    public Builder verifyEcho(boolean verify) {
      this.verifyEcho = verify;
      return this;
    }

    /** TLS on every connection; null for plain TCP. UDP profiles take none. */
    public Builder tls(dev.socketdesk.engine.TlsConfig tls) {
      this.tls = tls;
      return this;
    }

    /** The path (and query) a ws-client upgrades at. */
    public Builder webSocketPath(String path) {
      this.webSocketPath = path;
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /**
     * Runs only {@code shard}'s share of {@code fleetCount} devices, with global device ids; this
     * replaces {@link #count(int)}.
     */
    public Builder shard(Shard shard, int fleetCount) {
      this.shard = shard == null ? Shard.WHOLE : shard;
      this.fleetCount = fleetCount;
      return this;
    }

    /** Local addresses the client devices bind to, in turn; empty for the system's choice. */
    public Builder sourceAddresses(List<InetAddress> addresses) {
      this.sourceAddresses = addresses == null ? List.of() : addresses;
      return this;
    }

    /** Writes an HdrHistogram interval log of the run to {@code file} (see {@code ShardLog}). */
    public Builder histogramLog(Path file) {
      this.histogramLog = file;
      return this;
    }

    /**
     * Names the fleet run in the histogram log, so that a report refuses logs of another run:
     * letters, digits and {@code . _ : + -}, at most 64.
     */
    public Builder runId(String runId) {
      this.runId = runId == null ? "none" : runId;
      return this;
    }

    /** Checks the settings and fills in the profile's defaults. */
    public SimulationConfig build() {
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
          throw new InvalidSettingException(
              Setting.COUNT, devices + " is too small; use 1 or more");
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
        throw new InvalidSettingException(
            Setting.THREADS, threads + " is too small; use 1 or more");
      }
      if (payloads == null || payloads.isEmpty()) {
        payloads = profile == Profile.UDP_CLIENT ? List.of(UDP_CLIENT_PAYLOAD) : PERIODIC_PAYLOADS;
      }
      if (encoder == null) {
        encoder = profile == Profile.SENSOR ? PayloadEncoder.utf8Lines() : PayloadEncoder.utf8();
      }
      if (sensorFormat == null) {
        sensorFormat = SensorFormat.JSON;
      }
      for (String p : payloads) {
        encoder.encode(p.replace("{id}", "1").replace("{seq}", "1").replace("{time}", "0"));
      }
      return new SimulationConfig(this, devices, fleet);
    }
  }
}
