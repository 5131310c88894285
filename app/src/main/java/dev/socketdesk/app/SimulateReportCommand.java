package dev.socketdesk.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socketdesk.app.internal.CliFailure;
import dev.socketdesk.app.internal.FailIf;
import dev.socketdesk.engine.Plural;
import dev.socketdesk.engine.simulate.BadLogException;
import dev.socketdesk.engine.simulate.FleetReport;
import dev.socketdesk.engine.simulate.ShardLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code socketdesk simulate-report FILE...}: one report from the histogram logs of a fleet. */
@Command(
    addMethodSubcommands = false,
    name = "simulate-report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Merge the histogram logs of a fleet's shards (simulate --histogram-log) into one report.",
      "It holds the summary of a single run, exact percentiles, and a table of the shards.",
      "Exit code 0; 1 when a --fail-if condition holds; 2 for a missing, cut-short or"
          + " mismatched log, or a time condition on logs without such times."
    })
public final class SimulateReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "One log per shard, or a folder: its *.hlog files.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--json", description = "Print the report as one JSON object.")
  boolean json;

  @Option(
      names = "--fail-if",
      paramLabel = "COND",
      description =
          "Exit 1 when COND holds, e.g. 'p99>50ms', 'failed>0', 'connected<18000' (repeatable);"
              + " metrics: p50 p99 max connect-p50 connect-p99 (us, ms, s), failed connected"
              + " errors mismatched messages-in messages-out.")
  List<String> failIf = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    List<FailIf> conditions = failIf.stream().map(FailIf::parse).toList();
    FleetReport report;
    try {
      List<ShardLog> logs = new ArrayList<>();
      for (Path f : expand(files)) {
        logs.add(ShardLog.read(f));
      }
      report = FleetReport.merge(logs);
    } catch (BadLogException e) {
      throw CliFailure.usage(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(report));
    } else {
      out.print(text(report));
    }
    out.flush();
    int code = 0;
    PrintWriter err = spec.commandLine().getErr();
    for (FailIf c : conditions) {
      String uncheckable = c.uncheckable(report);
      if (uncheckable != null) {
        err.println("socketdesk: " + uncheckable);
        code = CliFailure.USAGE;
      } else if (c.holds(report)) {
        err.println("socketdesk: " + c.describe(report));
        code = Math.max(code, CliFailure.RUNTIME);
      }
    }
    err.flush();
    return code;
  }

  /** The files, with each folder replaced by its {@code *.hlog} files in name order. */
  static List<Path> expand(List<Path> given) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : given) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> list = Files.list(p)) {
          List<Path> logs =
              list.filter(f -> f.getFileName().toString().endsWith(".hlog")).sorted().toList();
          if (logs.isEmpty()) {
            throw CliFailure.usage(p + ": a folder without *.hlog files; give the shards' logs");
          }
          out.addAll(logs);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /** The single-run summary, the connect times, then one row per shard. */
  static String text(FleetReport report) {
    StringBuilder b = new StringBuilder(report.summary().describe());
    Histogram c = report.connect();
    if (c.getTotalCount() > 0) {
      b.append(
          String.format(
              Locale.ROOT,
              "  connected %d of %s at some point; connect time p50 %.3f ms, p99 %.3f ms,"
                  + " max %.3f ms%n",
              c.getTotalCount(),
              Plural.of(report.summary().count(), "device"),
              c.getValueAtPercentile(50) / 1e6,
              c.getValueAtPercentile(99) / 1e6,
              c.getMaxValue() / 1e6));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "%n%-7s %-15s %9s %9s %7s %11s %11s %10s %8s %8s  %s%n",
            "shard",
            "ids",
            "devices",
            "connected",
            "failed",
            "msgs out",
            "msgs in",
            "rtt p99",
            "start",
            "elapsed",
            "status"));
    for (FleetReport.ShardRow row : report.shards()) {
      ShardLog log = row.log();
      long first = log.headerNumber("first-id");
      long devices = log.headerNumber("devices");
      b.append(
          String.format(
              Locale.ROOT,
              "%-7s %-15s %9d %9d %7d %11d %11d %10s %8s %8s  %s%n",
              log.shard(),
              devices == 0 ? "-" : first + "-" + (first + devices - 1),
              devices,
              log.counter("connected"),
              log.counter("failed"),
              log.counter("messages-out"),
              log.counter("messages-in"),
              log.rtt().getTotalCount() == 0
                  ? "-"
                  : String.format(Locale.ROOT, "%.3f ms", log.rtt().getValueAtPercentile(99) / 1e6),
              String.format(Locale.ROOT, "+%.1fs", row.startOffsetMillis() / 1000.0),
              String.format(Locale.ROOT, "%.1fs", log.counter("elapsed-ms") / 1000.0),
              row.status()));
    }
    return b.toString();
  }

  /** The single run's JSON summary with {@code event: report}, connect times and the shards. */
  static String toJson(FleetReport report) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode node = (ObjectNode) mapper.readTree(SimulateCommand.toJson(report.summary()));
    node.put("event", "report");
    node.put("run", report.shards().get(0).log().header().get("run"));
    Histogram c = report.connect();
    ObjectNode connect = node.putObject("connect");
    connect.put("count", c.getTotalCount());
    connect.put("p50Micros", c.getTotalCount() == 0 ? 0 : c.getValueAtPercentile(50) / 1000.0);
    connect.put("p99Micros", c.getTotalCount() == 0 ? 0 : c.getValueAtPercentile(99) / 1000.0);
    connect.put("maxMicros", c.getTotalCount() == 0 ? 0 : c.getMaxValue() / 1000.0);
    ArrayNode shards = node.putArray("shards");
    for (FleetReport.ShardRow row : report.shards()) {
      ShardLog log = row.log();
      ObjectNode s = shards.addObject();
      s.put("shard", log.shard().toString());
      s.put("file", log.file().toString());
      s.put("firstId", log.headerNumber("first-id"));
      s.put("devices", log.headerNumber("devices"));
      log.counters().forEach((k, v) -> s.put(camel(k), v));
      s.put(
          "rttP99Micros",
          log.rtt().getTotalCount() == 0 ? 0 : log.rtt().getValueAtPercentile(99) / 1000.0);
      s.put("startOffsetMillis", row.startOffsetMillis());
      s.put("status", row.status());
    }
    return mapper.writeValueAsString(node);
  }

  private static String camel(String name) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char ch : name.toCharArray()) {
      if (ch == '-') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(ch) : ch);
        up = false;
      }
    }
    String s = b.toString();
    return s.equals("elapsedMs") ? "elapsedMillis" : s;
  }
}
