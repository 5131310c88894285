package dev.socketdesk.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socketdesk.app.internal.CaptureMixin;
import dev.socketdesk.app.internal.CliFailure;
import dev.socketdesk.app.internal.ConnectTimeoutOption;
import dev.socketdesk.app.internal.Converters;
import dev.socketdesk.app.internal.FleetOptions;
import dev.socketdesk.app.internal.FormatOptions;
import dev.socketdesk.app.internal.SerialConverters;
import dev.socketdesk.app.internal.SimulateConverters;
import dev.socketdesk.app.internal.SimulateTlsOptions;
import dev.socketdesk.app.internal.SpecOptions;
import dev.socketdesk.app.internal.Stdio;
import dev.socketdesk.core.spec.SimulationSpec;
import dev.socketdesk.engine.CaptureOptions;
import dev.socketdesk.engine.Grouping;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.Plural;
import dev.socketdesk.engine.SerialConfig;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.WebSocketClientConfig;
import dev.socketdesk.engine.simulate.ErrorGroup;
import dev.socketdesk.engine.simulate.Profile;
import dev.socketdesk.engine.simulate.SensorFormat;
import dev.socketdesk.engine.simulate.Simulation;
import dev.socketdesk.engine.simulate.SimulationConfig;
import dev.socketdesk.engine.simulate.Summary;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code socketdesk simulate PROFILE [HOST:PORT] [options]}: simulated boards, one or many. */
@Command(
    addMethodSubcommands = false,
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Simulate boards from the tutorials: many clients against a server, or one server.",
      "Profiles: echo-client (S1), tcp-echo-server (S4), udp-server (S3), udp-client (S3),"
          + " periodic-client (S4), sensor (JSON or CSV readings), serial-echo-board (--serial),"
          + " ws-client, ws-echo-server.",
      "Payloads may hold {id} (device number), {seq} (message number, from 1) and {time}"
          + " (ms since the epoch).",
      "Exit code 0, or 1 when a device could not connect or an echo check failed."
    })
public final class SimulateCommand implements Callable<Integer> {
  private final Stdio io;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "PROFILE",
      converter = SimulateConverters.ProfileName.class,
      description =
          "echo-client, tcp-echo-server, udp-server, udp-client, periodic-client, sensor,"
              + " serial-echo-board, ws-client, ws-echo-server.")
  Profile profile;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "HOST:PORT",
      description =
          "The target of client profiles, e.g. 127.0.0.1:10000; for ws-client a URL,"
              + " ws://HOST:PORT/PATH or wss://...")
  String target;

  @Mixin SimulateTlsOptions tls;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "Server profiles: local address (default: all addresses).")
  String bind;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "N",
      converter = Converters.LocalPort.class,
      description =
          "Server profiles: port (default 5001 for tcp- and ws-echo-server, 5000 for udp-server).")
  Integer port;

  @Option(
      names = "--serial",
      paramLabel = "PATH",
      description = "serial-echo-board: the port to echo on, e.g. a socat pty link.")
  String serialPath;

  @Option(
      names = "--baud",
      paramLabel = "N",
      converter = SerialConverters.Baud.class,
      description = "serial-echo-board: line speed (default 115200).")
  int baud = 115_200;

  @Option(
      names = {"-n", "--count"},
      paramLabel = "N",
      converter = Converters.Positive.class,
      description = "Devices at once (client profiles; default 1).")
  int count = 1;

  @Option(
      names = "--ramp",
      paramLabel = "RATE",
      converter = SimulateConverters.Rate.class,
      description = "New devices per second (default 0: as fast as possible).")
  double ramp;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      converter = Converters.Interval.class,
      description =
          "Stop after this long, e.g. 30s or 5m, at most 24h (default: until done or Ctrl+C).")
  Duration duration;

  @Option(
      names = "--messages",
      paramLabel = "N",
      converter = Converters.NonNegative.class,
      description = "Payloads each device sends, then it closes (default 0: no limit).")
  long messages;

  @Option(
      names = {"--interval", "--every"},
      paramLabel = "DURATION",
      converter = SimulateConverters.IntervalOrZero.class,
      description =
          "Time between a device's sends (default 1s, at most 24h; 0 = as fast as possible).")
  Duration interval = Duration.ofSeconds(1);

  @Option(
      names = "--send",
      paramLabel = "PAYLOAD",
      description =
          "A payload, sent in turn with the others (repeatable). Default: 'Hello Handbit' and"
              + " 'I''am MixNo' (periodic-client), 'hello,i am client {id} #{seq}' (udp-client).")
  List<String> payloads = new ArrayList<>();

  @Option(
      names = "--greeting",
      paramLabel = "TEXT",
      description = "echo-client: sent on connect (default 'Hello WalnutPi!'; '' for none).")
  String greeting = SimulationConfig.DEFAULT_GREETING;

  @Option(
      names = {"--prefix", "--echo-prefix"},
      paramLabel = "TEXT",
      description = "echo-client: put before each echo (default 'I got:'; '' for none).")
  String prefix = SimulationConfig.DEFAULT_ECHO_PREFIX;

  @Option(
      names = "--reply",
      paramLabel = "TEXT",
      description = "udp-server: the answer to every datagram (default 'hello,i am server').")
  String reply = SimulationConfig.DEFAULT_REPLY;

  @Mixin ConnectTimeoutOption connectTimeout;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = SimulateConverters.SensorFormatName.class,
      description = "sensor: json (default) or csv lines.")
  SensorFormat sensorFormat = SensorFormat.JSON;

  @Option(
      names = "--verify-echo",
      description = "Check that the target echoes every payload byte for byte (an echo server).")
  boolean verifyEcho;

  @Option(
      names = "--threads",
      paramLabel = "N",
      converter = Converters.Positive.class,
      description = "Network threads (default: one per core).")
  Integer threads;

  @Option(names = "--json", description = "Print the final summary as one JSON object.")
  boolean json;

  @Mixin FormatOptions format;
  @Mixin CaptureMixin capture;
  @Mixin FleetOptions fleet;

  public SimulateCommand(Stdio io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    SimulationConfig config = config();
    CaptureOptions captureOptions = capture.options();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Simulation sim = new Simulation(config);
    if (captureOptions != null) {
      try {
        sim.startCapture(captureOptions);
      } catch (SessionException e) {
        throw CliFailure.usage(e.getMessage());
      }
    }
    for (String warning : sim.checkLimits()) {
      err.println("socketdesk: warning: " + warning);
    }
    err.flush();
    fleet.awaitStart(err, FleetOptions.who(config), Clock.systemDefaultZone());
    String where = started(sim);
    PrintWriter progress = json ? err : out;
    progress.println(
        (profile.isServer()
                ? profile.cliName() + " listening on " + where
                : "simulating "
                    + Plural.of(config.count(), profile.cliName() + " device")
                    + " against "
                    + where
                    + FleetOptions.detail(config))
            + (duration == null
                ? "; Ctrl+C to stop"
                : " for " + duration.toMillis() / 1000.0 + " s"));
    progress.flush();
    CountDownLatch printed = new CountDownLatch(1);
    Thread hook = stopOnCtrlC(sim, printed);
    try {
      Summary summary = watch(sim, progress);
      if (json) {
        out.println(toJson(summary));
      } else {
        out.print(summary.describe());
      }
      out.flush();
      return summary.stats().failed() > 0 || summary.stats().echoMismatches() > 0 ? 1 : 0;
    } finally {
      printed.countDown();
      if (hook != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // The hook is running; it waits for the summary printed above.
        }
      }
    }
  }

  private SimulationConfig config() {
    if (profile.isServer() && target != null) {
      throw CliFailure.usage(
          profile.cliName() + " listens and takes no HOST:PORT; use --port N [--bind ADDR]");
    }
    WebSocketClientConfig url =
        profile == Profile.WS_CLIENT && target != null && target.contains("://")
            ? CliFailure.usageIfInvalid(() -> WebSocketClientConfig.connect(target))
            : null;
    HostPort remote =
        url != null
            ? url.remote()
            : target == null ? null : CliFailure.usageIfInvalid(() -> HostPort.parse(target));
    SimulationSpec simulation =
        SpecOptions.build(
            () ->
                new SimulationSpec(
                    profile,
                    null,
                    remote,
                    bind,
                    profile.isServer() ? Integer.valueOf(serverPort()) : port,
                    count,
                    ramp,
                    interval,
                    duration,
                    messages,
                    payloads,
                    greeting,
                    prefix,
                    reply,
                    sensorFormat,
                    verifyEcho,
                    connectTimeout.value(),
                    threads),
            "HOST:PORT");
    return SpecOptions.build(
        () ->
            simulation.config(
                format.sendFormat(),
                b -> {
                  if (profile == Profile.SERIAL_ECHO_BOARD) {
                    b.serial(
                        serialPath == null
                            ? null
                            : SerialConfig.open(serialPath, baud).withGrouping(Grouping.NONE));
                  }
                  fleet.apply(b, count, System.getenv(), Clock.systemDefaultZone());
                  tls(b, url);
                  return b;
                }),
        "HOST:PORT");
  }

  /** TLS, and for a ws-client given a ws:// or wss:// URL its path (wss implies --tls). */
  private void tls(SimulationConfig.Builder b, WebSocketClientConfig url) {
    if (url != null) {
      b.webSocketPath(url.path()).tls(tls.config(false, url.secure()));
    } else {
      b.tls(tls.config(profile.isServer(), false));
    }
  }

  private int serverPort() {
    return port != null ? port : profile.role() == Profile.Role.TCP_SERVER ? 5001 : 5000;
  }

  private String started(Simulation sim) {
    try {
      return HostPort.format(sim.start().get(30, TimeUnit.SECONDS));
    } catch (ExecutionException e) {
      if (profile == Profile.SERIAL_ECHO_BOARD) {
        throw CliFailure.runtime(e.getCause().getMessage());
      }
      if (profile.isServer() && e.getCause() instanceof SessionException failure) {
        throw CliFailure.runtime(SpecOptions.failure(failure));
      }
      throw CliFailure.runtime(e.getCause().getMessage());
    } catch (TimeoutException e) {
      sim.stop();
      throw CliFailure.runtime("the simulation did not start within 30 s; try again");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliFailure.runtime("interrupted while starting");
    }
  }

  private Thread stopOnCtrlC(Simulation sim, CountDownLatch printed) {
    if (!io.shutdownHook()) {
      return null;
    }
    Thread hook =
        new Thread(
            () -> {
              sim.stop();
              try {
                printed.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "socketdesk-simulate-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  /** Shows progress about once a second until the run ends. */
  private Summary watch(Simulation sim, PrintWriter progress) {
    boolean terminal = io.terminal() && !json;
    int width = 0;
    while (true) {
      try {
        Summary summary = sim.done().get(1, TimeUnit.SECONDS);
        if (terminal && width > 0) {
          progress.print("\r" + " ".repeat(width) + "\r");
        }
        return summary;
      } catch (TimeoutException e) {
        String line = sim.stats().progressLine();
        if (terminal) {
          progress.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
          width = line.length();
        } else {
          progress.println(line);
        }
        progress.flush();
      } catch (ExecutionException e) {
        throw CliFailure.runtime(e.getCause().getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        sim.stop();
      }
    }
  }

  /** The summary as one JSON object; the schema is in docs/simulate.md. */
  static String toJson(Summary summary) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event", "summary");
    m.put("profile", summary.profile().cliName());
    m.put("target", summary.target());
    m.put("count", summary.count());
    m.put("stats", summary.stats());
    List<Map<String, Object>> errors = new ArrayList<>();
    for (ErrorGroup g : summary.errors()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("cause", g.cause().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      e.put("count", g.count());
      e.put("description", g.cause().description());
      e.put("example", g.example());
      e.put("advice", g.cause().advice());
      errors.add(e);
    }
    m.put("errors", errors);
    m.put("warnings", summary.warnings());
    try {
      return new ObjectMapper().writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw CliFailure.runtime("cannot write the JSON summary: " + e.getOriginalMessage());
    }
  }
}
