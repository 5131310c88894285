package dev.socketdesk.app.internal;

import dev.socketdesk.engine.Plural;
import dev.socketdesk.engine.simulate.Shard;
import dev.socketdesk.engine.simulate.SimulationConfig;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The options that make {@code simulate} one shard of a fleet: {@code --shard}, {@code --shards},
 * {@code --start-at}, {@code --source-ips}, {@code --histogram-log} and {@code --run-id}. A mixin;
 * it maps them onto the engine's settings.
 */
@Command(addMethodSubcommands = false)
public final class FleetOptions {
  /** What an Indexed Job of Kubernetes sets in each pod: its index, from 0. */
  public static final String JOB_INDEX = "JOB_COMPLETION_INDEX";

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description =
          "Run shard I of N: its share of --count, with the fleet's device ids (shard 2/4 of 1000"
              + " runs ids 251-500).")
  String shard;

  @Option(
      names = "--shards",
      paramLabel = "N",
      converter = Converters.Positive.class,
      description = "Run one of N shards, the one that " + JOB_INDEX + " (from 0) names.")
  Integer shards;

  @Option(
      names = "--start-at",
      paramLabel = "TIME",
      description =
          "Start at TIME (ISO-8601, e.g. 2026-12-02T08:00:00Z) or after a delay (+30s); a shard"
              + " that starts late says so and starts at once.")
  String startAt;

  @Option(
      names = "--source-ips",
      paramLabel = "LIST",
      description =
          "Connect from these local addresses in turn (each has its own local ports), e.g."
              + " 127.0.0.2-127.0.0.9 or 10.0.0.5,10.0.0.6.")
  String sourceIps;

  @Option(
      names = "--histogram-log",
      paramLabel = "FILE",
      description =
          "Write an HdrHistogram interval log with the final counters, for 'simulate-report';"
              + " {shard} in FILE becomes the shard's number.")
  String histogramLog;

  @Option(
      names = "--run-id",
      paramLabel = "ID",
      description =
          "Name the run in the histogram log, so that a report refuses other runs' logs (default:"
              + " the --start-at time).")
  String runId;

  private StartAt start;

  /** The shard to run: from {@code --shard}, or from {@code --shards} and the environment. */
  public Shard shard(Map<String, String> env) {
    Shard fromOption = shard == null ? null : parseShard(shard);
    if (shards == null) {
      return fromOption;
    }
    if (fromOption != null) {
      if (fromOption.total() != shards) {
        throw CliFailure.usage(
            "--shard " + shard + " and --shards " + shards + " disagree; give one of them");
      }
      return fromOption;
    }
    String index = env.get(JOB_INDEX);
    if (index == null) {
      throw CliFailure.usage(
          "--shards "
              + shards
              + " needs "
              + JOB_INDEX
              + " (an Indexed Job sets it, from 0); without it give --shard I/N");
    }
    try {
      return new Shard(Integer.parseInt(index.trim()) + 1, shards);
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage(
          JOB_INDEX + "=" + index + " is not an index from 0 to " + (shards - 1) + " for --shards");
    }
  }

  /** {@code I/N}, e.g. {@code 2/4}. */
  public static Shard parseShard(String text) {
    String[] p = text.trim().split("/", -1);
    try {
      return new Shard(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
    } catch (RuntimeException e) {
      throw CliFailure.usage(
          "--shard '" + text + "' is not a shard; use I/N with 1 <= I <= N, e.g. 2/4");
    }
  }

  /**
   * Sets the engine's fleet settings: the shard's share of {@code count}, the source addresses, the
   * log and the run id. Parses {@code --start-at} too, so that a bad time fails before the run.
   */
  public void apply(SimulationConfig.Builder b, int count, Map<String, String> env, Clock clock) {
    if (startAt != null) {
      start = StartAt.parse(startAt, clock);
    }
    Shard s = shard(env);
    if (s != null) {
      b.shard(s, count);
    } else {
      b.count(count);
    }
    if (sourceIps != null) {
      List<InetAddress> addresses = SourceAddresses.parse(sourceIps);
      SourceAddresses.checkLocal(addresses, sourceIps);
      b.sourceAddresses(addresses);
    }
    if (histogramLog != null) {
      String index = s == null ? "1" : String.valueOf(s.index());
      b.histogramLog(Path.of(histogramLog.replace("{shard}", index)));
    }
    if (runId != null) {
      b.runId(runId);
    } else if (start != null && start.absolute()) {
      b.runId(start.at().toString());
    }
  }

  /** Waits until {@code --start-at}, saying so on {@code err}; returns at once without it. */
  public void awaitStart(PrintWriter err, String who, Clock clock) {
    if (start == null) {
      return;
    }
    err.println("socketdesk: " + start.describe(clock, who));
    err.flush();
    Duration delay = start.delay(clock);
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw CliFailure.runtime("interrupted while waiting for --start-at");
      }
    }
  }

  /** {@code shard 2/4}, or {@code simulate} for a run alone. */
  public static String who(SimulationConfig config) {
    return config.shard().total() == 1 ? "simulate" : "shard " + config.shard();
  }

  /** What the shard runs, e.g. {@code (shard 2/4 of 1000 devices: ids 251-500)}; empty alone. */
  public static String detail(SimulationConfig config) {
    if (config.shard().total() == 1) {
      return "";
    }
    return config.count() == 0
        ? " (shard "
            + config.shard()
            + " of "
            + Plural.of(config.fleetCount(), "device")
            + ": none left)"
        : String.format(
            Locale.ROOT,
            " (shard %s of %s: ids %d-%d)",
            config.shard(),
            Plural.of(config.fleetCount(), "device"),
            config.firstId(),
            config.firstId() + config.count() - 1);
  }
}
