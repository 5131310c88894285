package dev.socketdesk.engine.simulate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * One report from the histogram logs of a fleet's shards: the histograms merged with {@link
 * Histogram#add}, so the percentiles are exactly those of one histogram fed every recorded value,
 * and the counters summed.
 *
 * @param summary the fleet's figures, as a single run's summary (count is the fleet's).
 * @param connect every connect time of the fleet, in nanoseconds.
 * @param shards one row per shard, in shard order.
 */
public record FleetReport(Summary summary, Histogram connect, List<ShardRow> shards) {

  /** A shard that started more than this after the first one is a straggler. */
  public static final long LATE_START_MILLIS = 1000;

  /**
   * One shard's part.
   *
   * @param log the shard's log.
   * @param startOffsetMillis how long after the fleet's first shard it started.
   * @param status {@code ok}, {@code failed} (devices failed, echoes mismatched or errors) or
   *     {@code straggler} (started late or ran much longer than the others).
   */
  public record ShardRow(ShardLog log, long startOffsetMillis, String status) {}

  /**
   * Merges the logs of every shard of one run.
   *
   * @throws BadLogException when the logs belong to different runs, profiles, targets, device
   *     counts or shard splits, when a shard appears twice or has no log among them.
   */
  public static FleetReport merge(List<ShardLog> logs) {
    if (logs.isEmpty()) {
      throw new BadLogException(BadLogException.Kind.MISSING, "no logs given");
    }
    ShardLog first = logs.get(0);
    Map<Integer, ShardLog> byIndex = new TreeMap<>();
    for (ShardLog log : logs) {
      for (String field : List.of("run", "profile", "settings", "target", "count")) {
        if (!first.header().get(field).equals(log.header().get(field))) {
          throw mismatch(log, first, field);
        }
      }
      if (log.shard().total() != first.shard().total()) {
        throw mismatch(log, first, "shard");
      }
      ShardLog twice = byIndex.put(log.shard().index(), log);
      if (twice != null) {
        throw new BadLogException(
            BadLogException.Kind.MISMATCHED,
            log.file()
                + ": shard "
                + log.shard()
                + " is also in "
                + twice.file()
                + "; give it once");
      }
    }
    for (int i = 1; i <= first.shard().total(); i++) {
      if (!byIndex.containsKey(i)) {
        throw new BadLogException(
            BadLogException.Kind.MISSING,
            "shard "
                + i
                + "/"
                + first.shard().total()
                + " has no log among the files given; add its file or rerun it");
      }
    }
    Histogram rtt = new Histogram(3);
    Histogram connect = new Histogram(3);
    long[] sums = new long[ShardLog.COUNTER_NAMES.size()];
    long elapsed = 0;
    long firstStart = Long.MAX_VALUE;
    Map<ErrorCause, long[]> errorCounts = new EnumMap<>(ErrorCause.class);
    Map<ErrorCause, String> examples = new EnumMap<>(ErrorCause.class);
    for (ShardLog log : byIndex.values()) {
      rtt.add(log.rtt());
      connect.add(log.connect());
      for (int i = 0; i < sums.length; i++) {
        sums[i] += log.counter(ShardLog.COUNTER_NAMES.get(i));
      }
      elapsed = Math.max(elapsed, log.counter("elapsed-ms"));
      firstStart = Math.min(firstStart, log.headerNumber("start-ms"));
      for (ErrorGroup g : log.errors()) {
        errorCounts.computeIfAbsent(g.cause(), c -> new long[1])[0] += g.count();
        examples.putIfAbsent(g.cause(), g.example());
      }
    }
    List<ErrorGroup> errors = new ArrayList<>();
    errorCounts.forEach((c, n) -> errors.add(new ErrorGroup(c, n[0], examples.get(c))));
    errors.sort(Comparator.comparingLong(ErrorGroup::count).reversed());
    Summary summary =
        new Summary(
            first.profile(),
            first.header().get("target"),
            (int) first.headerNumber("count"),
            stats(sums, elapsed, rtt),
            errors,
            List.of());
    return new FleetReport(summary, connect, rows(byIndex.values(), firstStart));
  }

  private static List<ShardRow> rows(Iterable<ShardLog> logs, long firstStart) {
    List<Long> elapsed = new ArrayList<>();
    logs.forEach(l -> elapsed.add(l.counter("elapsed-ms")));
    List<Long> sorted = elapsed.stream().sorted().toList();
    long median = sorted.get(sorted.size() / 2);
    List<ShardRow> rows = new ArrayList<>();
    for (ShardLog log : logs) {
      long offset = log.headerNumber("start-ms") - firstStart;
      String status;
      if (log.counter("failed") > 0
          || log.counter("echo-mismatches") > 0
          || log.counter("errors") > 0) {
        status = "failed";
      } else if (offset > LATE_START_MILLIS
          || log.counter("elapsed-ms") > median + Math.max(1000, median / 4)) {
        status = "straggler";
      } else {
        status = "ok";
      }
      rows.add(new ShardRow(log, offset, status));
    }
    return rows;
  }

  private static Stats stats(long[] s, long elapsedMillis, Histogram rtt) {
    double seconds = Math.max(elapsedMillis, 1) / 1000.0;
    boolean any = rtt.getTotalCount() > 0;
    return new Stats(
        elapsedMillis,
        s[1],
        s[2],
        s[3],
        s[4],
        s[5],
        s[6],
        s[7],
        s[8],
        s[5] / seconds,
        s[6] / seconds,
        s[7] / seconds,
        s[8] / seconds,
        rtt.getTotalCount(),
        any ? rtt.getValueAtPercentile(50) / 1000.0 : 0,
        any ? rtt.getValueAtPercentile(99) / 1000.0 : 0,
        any ? rtt.getMaxValue() / 1000.0 : 0,
        0,
        0,
        0,
        s[9],
        s[10],
        s[11]);
  }

  private static BadLogException mismatch(ShardLog log, ShardLog first, String field) {
    return new BadLogException(
        BadLogException.Kind.MISMATCHED,
        log.file()
            + ": belongs to another run ("
            + field
            + " "
            + log.header().get(field)
            + " where "
            + first.file()
            + " has "
            + first.header().get(field)
            + "); give the logs of one run");
  }
}
