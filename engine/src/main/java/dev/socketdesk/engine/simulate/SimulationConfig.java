package dev.socketdesk.engine.simulate;

import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.SerialConfig;
import java.net.InetAddress;
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

  /** A checked copy, never changed: arrays and lists are the config's own. */
  private final SimulationSettings settings;

  private SimulationConfig(SimulationSettings settings) {
    this.settings = settings;
  }

  /** The serial-echo-board's port and settings; null for other profiles. */
  public SerialConfig serial() {
    return settings.serial;
  }

  /** TLS on every connection (client profiles, tcp-echo-server); null for plain TCP. */
  public dev.socketdesk.engine.TlsConfig tls() {
    return settings.tls;
  }

  /** The path a ws-client upgrades at, with its query; {@code /} by default. */
  public String webSocketPath() {
    return settings.webSocketPath;
  }

  /** A builder with the profile's defaults (see {@link Builder}). */
  public static Builder builder(Profile profile) {
    return new Builder(profile);
  }

  public Profile profile() {
    return settings.profile;
  }

  /** Where client devices connect or send; null for server profiles. */
  public HostPort target() {
    return settings.target;
  }

  /** Where server profiles listen; null for all addresses. */
  public String bindHost() {
    return settings.bindHost;
  }

  /** The server profiles' port; 0 lets the system choose. */
  public int port() {
    return settings.port;
  }

  /** The devices this simulation runs: its shard's share of the fleet (0 to the fleet's count). */
  public int count() {
    return settings.count;
  }

  /** Which part of a fleet this simulation is; {@link Shard#WHOLE} when it runs alone. */
  public Shard shard() {
    return settings.shard;
  }

  /** The devices of the whole fleet; {@link #count()} when the simulation runs alone. */
  public int fleetCount() {
    return settings.fleetCount;
  }

  /** The id of the first device; ids run from here to {@code firstId() + count() - 1}. */
  public int firstId() {
    return settings.shard.firstId(settings.fleetCount);
  }

  /**
   * Local addresses client devices bind to before they connect (or send), device by device in turn,
   * so that a run can use more than one address's local ports; empty for the system's choice.
   */
  public List<InetAddress> sourceAddresses() {
    return settings.sourceAddresses;
  }

  /** Where the run writes its HdrHistogram interval log; null for none (see {@code ShardLog}). */
  public Path histogramLog() {
    return settings.histogramLog;
  }

  /** The fleet run this simulation belongs to, named in its histogram log; never null. */
  public String runId() {
    return settings.runId;
  }

  /** New devices per second; 0 for as fast as possible. */
  public double rampPerSecond() {
    return settings.rampPerSecond;
  }

  /** How long the run lasts; null to end when the devices are done (or on stop). */
  public Duration duration() {
    return settings.duration;
  }

  /** Payloads each device sends before it closes; 0 for no limit. */
  public long messages() {
    return settings.messages;
  }

  /** Time between a device's sends; zero to send as fast as the socket takes them. */
  public Duration interval() {
    return settings.interval;
  }

  /** Payload templates, sent in turn. */
  public List<String> payloads() {
    return settings.payloads;
  }

  public PayloadEncoder encoder() {
    return settings.encoder;
  }

  public byte[] greeting() {
    return settings.greeting.clone();
  }

  public byte[] echoPrefix() {
    return settings.echoPrefix.clone();
  }

  public byte[] reply() {
    return settings.reply.clone();
  }

  public Duration connectTimeout() {
    return settings.connectTimeout;
  }

  public SensorFormat sensorFormat() {
    return settings.sensorFormat;
  }

  /** Whether devices check that what comes back is exactly what they sent (an echo target). */
  public boolean verifyEcho() {
    return settings.verifyEcho;
  }

  /** Network threads of the simulation. */
  public int threads() {
    return settings.threads;
  }

  /** The target for display: {@code host:port} or the bind address. */
  public String targetText() {
    if (settings.serial != null) {
      return settings.serial.path() + " " + settings.serial.baud() + " " + settings.serial.frame();
    }
    if (settings.profile.isServer()) {
      return (settings.bindHost == null ? "*" : settings.bindHost) + ":" + settings.port;
    }
    return settings.target.toString();
  }

  /**
   * Collects settings. Defaults: count 1, no ramp limit, no duration, no message limit, interval 1
   * s, connect timeout 5 s, greeting {@value #DEFAULT_GREETING}, echo prefix {@value
   * #DEFAULT_ECHO_PREFIX}, reply {@value #DEFAULT_REPLY}, payloads {@link #PERIODIC_PAYLOADS}
   * (periodic client) or {@value #UDP_CLIENT_PAYLOAD} (UDP client), UTF-8 payloads (sensor: one
   * line each, LF), JSON sensor readings, one network thread per core.
   */
  public static final class Builder {
    private final SimulationSettings settings;

    private Builder(Profile profile) {
      this.settings = new SimulationSettings(profile);
    }

    public Builder target(HostPort target) {
      settings.target = target;
      return this;
    }

    public Builder bind(String bindHost, int port) {
      settings.bindHost = bindHost;
      settings.port = port;
      return this;
    }

    /** The serial-echo-board's port and settings. */
    public Builder serial(SerialConfig serial) {
      settings.serial = serial;
      return this;
    }

    public Builder count(int count) {
      settings.count = count;
      settings.fleetCount = -1;
      settings.shard = Shard.WHOLE;
      return this;
    }

    public Builder ramp(double perSecond) {
      settings.rampPerSecond = perSecond;
      return this;
    }

    public Builder duration(Duration duration) {
      settings.duration = duration;
      return this;
    }

    public Builder messages(long messages) {
      settings.messages = messages;
      return this;
    }

    public Builder interval(Duration interval) {
      settings.interval = interval;
      return this;
    }

    public Builder payloads(List<String> payloads) {
      settings.payloads = payloads;
      return this;
    }

    public Builder encoder(PayloadEncoder encoder) {
      settings.encoder = encoder;
      return this;
    }

    public Builder greeting(byte[] greeting) {
      settings.greeting = greeting == null ? new byte[0] : greeting;
      return this;
    }

    public Builder echoPrefix(byte[] prefix) {
      settings.echoPrefix = prefix == null ? new byte[0] : prefix;
      return this;
    }

    public Builder reply(byte[] reply) {
      settings.reply = reply == null ? new byte[0] : reply;
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      settings.connectTimeout = timeout;
      return this;
    }

    public Builder sensorFormat(SensorFormat format) {
      settings.sensorFormat = format;
      return this;
    }

    public Builder verifyEcho(boolean verify) {
      settings.verifyEcho = verify;
      return this;
    }

    /** TLS on every connection; null for plain TCP. UDP profiles take none. */
    public Builder tls(dev.socketdesk.engine.TlsConfig tls) {
      settings.tls = tls;
      return this;
    }

    /** The path (and query) a ws-client upgrades at. */
    public Builder webSocketPath(String path) {
      settings.webSocketPath = path;
      return this;
    }

    public Builder threads(int threads) {
      settings.threads = threads;
      return this;
    }

    /**
     * Runs only {@code shard}'s share of {@code fleetCount} devices, with global device ids; this
     * replaces {@link #count(int)}.
     */
    public Builder shard(Shard shard, int fleetCount) {
      settings.shard = shard == null ? Shard.WHOLE : shard;
      settings.fleetCount = fleetCount;
      return this;
    }

    /** Local addresses the client devices bind to, in turn; empty for the system's choice. */
    public Builder sourceAddresses(List<InetAddress> addresses) {
      settings.sourceAddresses = addresses == null ? List.of() : addresses;
      return this;
    }

    /** Writes an HdrHistogram interval log of the run to {@code file} (see {@code ShardLog}). */
    public Builder histogramLog(Path file) {
      settings.histogramLog = file;
      return this;
    }

    /**
     * Names the fleet run in the histogram log, so that a report refuses logs of another run:
     * letters, digits and {@code . _ : + -}, at most 64.
     */
    public Builder runId(String runId) {
      settings.runId = runId == null ? "none" : runId;
      return this;
    }

    /** Checks the settings and fills in the profile's defaults. */
    public SimulationConfig build() {
      return new SimulationConfig(settings.checkedCopy());
    }
  }
}
