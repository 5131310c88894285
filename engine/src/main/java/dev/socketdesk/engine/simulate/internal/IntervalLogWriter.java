package dev.socketdesk.engine.simulate.internal;

import dev.socketdesk.engine.simulate.ErrorGroup;
import dev.socketdesk.engine.simulate.ShardLog;
import dev.socketdesk.engine.simulate.SimulationConfig;
import dev.socketdesk.engine.simulate.Stats;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes a run's HdrHistogram interval log (format in {@link ShardLog}): a header comment, one RTT
 * and one connect-time histogram per interval through {@link HistogramLogWriter}, and at the end
 * the counters and the end marker as comments. Thread-safe; writes after {@link #finish} are
 * ignored.
 */
final class IntervalLogWriter {
  private final PrintStream out;
  private final HistogramLogWriter writer;
  private final long startNanos = System.nanoTime();
  private double lastSeconds;
  private boolean finished;

  private IntervalLogWriter(PrintStream out, SimulationConfig config, String target) {
    this.out = out;
    this.writer = new HistogramLogWriter(out);
    long startMillis = System.currentTimeMillis();
    writer.outputComment(
        ShardLog.HEADER
            + " version="
            + ShardLog.VERSION
            + " run="
            + config.runId()
            + " profile="
            + config.profile().cliName()
            + " target="
            + target.replace(' ', '_')
            + " count="
            + config.fleetCount()
            + " shard="
            + config.shard()
            + " first-id="
            + config.firstId()
            + " devices="
            + config.count()
            + " settings="
            + fingerprint(config)
            + " start-ms="
            + startMillis);
    writer.outputLogFormatVersion();
    writer.outputStartTime(startMillis);
    writer.setBaseTime(startMillis);
    writer.outputLegend();
  }

  /** Creates (or replaces) the log file and writes its header. */
  static IntervalLogWriter open(SimulationConfig config, String target) throws IOException {
    Path file = config.histogramLog();
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    PrintStream out =
        new PrintStream(
            new BufferedOutputStream(Files.newOutputStream(file), 1 << 16),
            false,
            StandardCharsets.US_ASCII);
    return new IntervalLogWriter(out, config, target);
  }

  /** Writes the interval since the previous one: RTT and connect time, tagged, in nanoseconds. */
  synchronized void interval(Histogram[] rttAndConnect) {
    if (finished) {
      return;
    }
    double now = (System.nanoTime() - startNanos) / 1e9;
    write(rttAndConnect[0], ShardLog.RTT_TAG, now);
    write(rttAndConnect[1], ShardLog.CONNECT_TAG, now);
    lastSeconds = now;
    out.flush();
  }

  private void write(Histogram h, String tag, double now) {
    h.setTag(tag);
    writer.outputIntervalHistogram(lastSeconds, now, h, ShardLog.MAX_VALUE_UNIT_RATIO);
  }

  /** Writes the last interval, the final counters and errors, and the end marker; then closes. */
  synchronized void finish(Histogram[] lastInterval, Stats stats, List<ErrorGroup> errors) {
    if (finished) {
      return;
    }
    interval(lastInterval);
    finished = true;
    writer.outputComment(
        String.format(
            Locale.ROOT,
            "%s elapsed-ms=%d launched=%d connected=%d failed=%d closed=%d messages-in=%d"
                + " messages-out=%d bytes-in=%d bytes-out=%d echoes-verified=%d"
                + " echo-mismatches=%d errors=%d",
            ShardLog.COUNTERS,
            stats.elapsedMillis(),
            stats.launched(),
            stats.connected(),
            stats.failed(),
            stats.closed(),
            stats.messagesIn(),
            stats.messagesOut(),
            stats.bytesIn(),
            stats.bytesOut(),
            stats.echoesVerified(),
            stats.echoMismatches(),
            stats.errors()));
    for (ErrorGroup g : errors) {
      writer.outputComment(
          ShardLog.ERROR
              + " cause="
              + ShardLog.causeName(g.cause())
              + " count="
              + g.count()
              + " example="
              + g.example().replaceAll("\\s+", " "));
    }
    writer.outputComment(ShardLog.END);
    out.close();
  }

  /** Closes the file without the end marker (the run failed to start). */
  synchronized void abandon() {
    finished = true;
    out.close();
  }

  /**
   * A short hash of the settings every shard of one run must share: profile texts, timing, message
   * limit, echo check. Shards whose fingerprints differ ran different experiments.
   */
  static String fingerprint(SimulationConfig c) {
    StringBuilder b = new StringBuilder();
    b.append(c.profile()).append('|').append(c.interval()).append('|').append(c.duration());
    b.append('|').append(c.messages()).append('|').append(c.verifyEcho());
    b.append('|').append(c.sensorFormat()).append('|').append(c.connectTimeout());
    for (String p : c.payloads()) {
      b.append('|').append(p);
    }
    b.append('|').append(new String(c.greeting(), StandardCharsets.ISO_8859_1));
    b.append('|').append(new String(c.echoPrefix(), StandardCharsets.ISO_8859_1));
    b.append('|').append(new String(c.reply(), StandardCharsets.ISO_8859_1));
    CRC32 crc = new CRC32();
    crc.update(b.toString().getBytes(StandardCharsets.UTF_8));
    return String.format(Locale.ROOT, "%08x", crc.getValue());
  }
}
