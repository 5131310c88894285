package dev.socketdesk.engine.simulate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.simulate.BadLogException;
import dev.socketdesk.engine.simulate.ErrorCause;
import dev.socketdesk.engine.simulate.ErrorGroup;
import dev.socketdesk.engine.simulate.FleetReport;
import dev.socketdesk.engine.simulate.Profile;
import dev.socketdesk.engine.simulate.Shard;
import dev.socketdesk.engine.simulate.ShardLog;
import dev.socketdesk.engine.simulate.SimulationConfig;
import dev.socketdesk.engine.simulate.Stats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Shard logs written by the real writer, read back and merged. */
class FleetReportTest {
  @TempDir Path dir;

  /** Writes shard {@code index}/{@code total}'s log with the given values, 3 intervals. */
  private Path shardLog(
      String name, String run, Duration interval, int index, int total, long[] rtt, long failed)
      throws Exception {
    Path file = dir.resolve(name);
    SimulationConfig config =
        SimulationConfig.builder(Profile.PERIODIC_CLIENT)
            .target(new HostPort("127.0.0.1", 5001))
            .interval(interval)
            .shard(new Shard(index, total), 1000)
            .runId(run)
            .histogramLog(file)
            .build();
    IntervalLogWriter w = IntervalLogWriter.open(config, config.targetText());
    for (int part = 0; part < 3; part++) {
      Histogram r = new Histogram(3);
      Histogram c = new Histogram(3);
      for (int i = part; i < rtt.length; i += 3) {
        r.recordValue(rtt[i]);
        c.recordValue(rtt[i] * 7);
      }
      if (part < 2) {
        w.interval(new Histogram[] {r, c});
      } else {
        List<ErrorGroup> errors =
            failed == 0
                ? List.of()
                : List.of(new ErrorGroup(ErrorCause.REFUSED, failed, "Connection refused: x=1"));
        w.finish(new Histogram[] {r, c}, stats(config.count(), failed, rtt.length), errors);
      }
    }
    return file;
  }

  private static Stats stats(int devices, long failed, long messages) {
    return new Stats(
        1500,
        devices,
        devices - failed,
        failed,
        0,
        messages,
        messages,
        messages * 10,
        messages * 10,
        0,
        0,
        0,
        0,
        messages,
        0,
        0,
        0,
        0,
        0,
        0,
        messages,
        0,
        failed);
  }

  private static long[] values(Random random, int n) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      // Spread over 5 decades, like RTTs from 10 µs to 1 s, so that buckets differ in width.
      v[i] = (long) Math.pow(10, 4 + random.nextDouble() * 5);
    }
    return v;
  }

  @Test
  @Timeout(30)
  void mergedPercentilesAreExactlyThoseOfOneHistogramOfEveryValue() throws Exception {
    Random random = new Random(42);
    Histogram all = new Histogram(3);
    Histogram allConnect = new Histogram(3);
    List<ShardLog> logs = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      long[] v = values(random, 2000 + 500 * i);
      for (long x : v) {
        all.recordValue(x);
        allConnect.recordValue(x * 7);
      }
      logs.add(ShardLog.read(shardLog("s" + i, "r1", Duration.ofSeconds(1), i, 4, v, 0)));
    }
    FleetReport report = FleetReport.merge(logs);
    Stats s = report.summary().stats();
    assertThat(s.rttCount()).isEqualTo(all.getTotalCount());
    assertThat(s.rttP50Micros()).isEqualTo(all.getValueAtPercentile(50) / 1000.0);
    assertThat(s.rttP99Micros()).isEqualTo(all.getValueAtPercentile(99) / 1000.0);
    assertThat(s.rttMaxMicros()).isEqualTo(all.getMaxValue() / 1000.0);
    assertThat(report.connect()).isEqualTo(allConnect);
    assertThat(report.summary().count()).isEqualTo(1000);
    assertThat(s.launched()).isEqualTo(1000);
    assertThat(s.messagesOut()).isEqualTo(2500 + 3000 + 3500 + 4000);
    assertThat(report.shards()).extracting(FleetReport.ShardRow::status).containsOnly("ok");
    assertThat(logs.get(1).header()).containsEntry("first-id", "251");
  }

  @Test
  @Timeout(30)
  void aShardWithFailedDevicesIsMarkedAndItsErrorsSummed() throws Exception {
    long[] v = values(new Random(1), 100);
    FleetReport report =
        FleetReport.merge(
            List.of(
                ShardLog.read(shardLog("a", "r1", Duration.ofSeconds(1), 1, 2, v, 3)),
                ShardLog.read(shardLog("b", "r1", Duration.ofSeconds(1), 2, 2, v, 4))));
    assertThat(report.summary().stats().failed()).isEqualTo(7);
    assertThat(report.summary().errors())
        .containsExactly(new ErrorGroup(ErrorCause.REFUSED, 7, "Connection refused: x=1"));
    assertThat(report.shards()).extracting(FleetReport.ShardRow::status).containsOnly("failed");
  }

  @Test
  @Timeout(10)
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> ShardLog.read(dir.resolve("nope.hlog")))
        .isInstanceOfSatisfying(
            BadLogException.class,
            e -> assertThat(e.kind()).isEqualTo(BadLogException.Kind.MISSING))
        .hasMessageContaining("nope.hlog: no such file");
  }

  @Test
  @Timeout(10)
  void aLogCutShortIsTruncated() throws Exception {
    Path file = shardLog("cut", "r1", Duration.ofSeconds(1), 1, 1, values(new Random(2), 50), 0);
    String text = Files.readString(file);
    Files.writeString(file, text.substring(0, text.indexOf("#socketdesk-counters")));
    assertThatThrownBy(() -> ShardLog.read(file))
        .isInstanceOfSatisfying(
            BadLogException.class,
            e -> assertThat(e.kind()).isEqualTo(BadLogException.Kind.TRUNCATED))
        .hasMessageContaining("cut: ends before the final counters (shard 1/1");
  }

  @Test
  @Timeout(10)
  void aLogCutInsideAHistogramLineIsTruncated() throws Exception {
    Path file = shardLog("mid", "r1", Duration.ofSeconds(1), 1, 1, values(new Random(3), 500), 0);
    String text = Files.readString(file);
    int line = text.indexOf("Tag=rtt");
    Files.writeString(file, text.substring(0, line + 60), StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> ShardLog.read(file))
        .isInstanceOfSatisfying(
            BadLogException.class,
            e -> assertThat(e.kind()).isEqualTo(BadLogException.Kind.TRUNCATED))
        .hasMessageContaining("mid: a histogram line is damaged or cut off after 0 intervals");
  }

  @Test
  @Timeout(10)
  void aFileThatIsNoSimulatorLogIsInvalid() throws Exception {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "hello\n");
    assertThatThrownBy(() -> ShardLog.read(file))
        .isInstanceOfSatisfying(
            BadLogException.class,
            e -> assertThat(e.kind()).isEqualTo(BadLogException.Kind.INVALID))
        .hasMessageContaining("notes.txt: not a socketdesk simulate histogram log");
  }

  @Test
  @Timeout(10)
  void logsOfAnotherRunAreMismatched() throws Exception {
    long[] v = values(new Random(4), 10);
    ShardLog a = ShardLog.read(shardLog("a", "r1", Duration.ofSeconds(1), 1, 2, v, 0));
    ShardLog b = ShardLog.read(shardLog("b", "r2", Duration.ofSeconds(1), 2, 2, v, 0));
    assertThatThrownBy(() -> FleetReport.merge(List.of(a, b)))
        .isInstanceOfSatisfying(
            BadLogException.class,
            e -> assertThat(e.kind()).isEqualTo(BadLogException.Kind.MISMATCHED))
        .hasMessageContaining("b: belongs to another run (run r2 where")
        .hasMessageContaining("has r1");
  }

  @Test
  @Timeout(10)
  void logsOfOtherProfileSettingsAreMismatched() throws Exception {
    long[] v = values(new Random(5), 10);
    ShardLog a = ShardLog.read(shardLog("a", "r1", Duration.ofSeconds(1), 1, 2, v, 0));
    ShardLog b = ShardLog.read(shardLog("b", "r1", Duration.ofMillis(100), 2, 2, v, 0));
    assertThatThrownBy(() -> FleetReport.merge(List.of(a, b)))
        .isInstanceOfSatisfying(
            BadLogException.class,
            e -> assertThat(e.kind()).isEqualTo(BadLogException.Kind.MISMATCHED))
        .hasMessageContaining("b: belongs to another run (settings ");
  }

  @Test
  @Timeout(10)
  void aShardWithoutALogOrGivenTwiceIsNamed() throws Exception {
    long[] v = values(new Random(6), 10);
    ShardLog a = ShardLog.read(shardLog("a", "r1", Duration.ofSeconds(1), 1, 3, v, 0));
    ShardLog c = ShardLog.read(shardLog("c", "r1", Duration.ofSeconds(1), 3, 3, v, 0));
    assertThatThrownBy(() -> FleetReport.merge(List.of(a, c)))
        .isInstanceOfSatisfying(
            BadLogException.class,
            e -> assertThat(e.kind()).isEqualTo(BadLogException.Kind.MISSING))
        .hasMessage("shard 2/3 has no log among the files given; add its file or rerun it");
    assertThatThrownBy(() -> FleetReport.merge(List.of(a, c, a)))
        .hasMessageContaining("shard 1/3 is also in");
  }
}
