package dev.socketdesk.engine.simulate.internal;

import dev.socketdesk.engine.simulate.Stats;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Counters shared by every device of a simulation. Recording is wait-free from any thread. */
public final class StatsCollector {
  final LongAdder launched = new LongAdder();
  final LongAdder connected = new LongAdder();
  final LongAdder failed = new LongAdder();
  final LongAdder closed = new LongAdder();
  final LongAdder messagesIn = new LongAdder();
  final LongAdder messagesOut = new LongAdder();
  final LongAdder bytesIn = new LongAdder();
  final LongAdder bytesOut = new LongAdder();
  final LongAdder echoesVerified = new LongAdder();
  final LongAdder echoMismatches = new LongAdder();
  private final Recorder rtt = new Recorder(3);
  private final Recorder connect = new Recorder(3);
  private final ErrorCollector errors;
  private final long startNanos = System.nanoTime();

  private final Histogram rttTotal = new Histogram(3);
  private final Histogram rttSinceSample = new Histogram(3);
  private Histogram rttInterval;
  private final Histogram rttSinceLog = new Histogram(3);
  private Histogram connectSinceLog;
  private Stats previous;
  private double[] rates = new double[4];
  private double[] recentRtt = new double[3];

  StatsCollector(ErrorCollector errors) {
    this.errors = errors;
  }

  void recordRtt(long nanos) {
    rtt.recordValue(Math.max(0, nanos));
  }

  /** A TCP connection was established {@code nanos} after the attempt began. */
  void recordConnect(long nanos) {
    connect.recordValue(Math.max(0, nanos));
  }

  /**
   * The round trips and connect times recorded since the previous call, for the interval log: two
   * new histograms (RTT, connect), each with exact counts. Values are in nanoseconds.
   */
  synchronized Histogram[] takeInterval() {
    drain();
    Histogram r = rttSinceLog.copy();
    rttSinceLog.reset();
    connectSinceLog = connect.getIntervalHistogram(connectSinceLog);
    return new Histogram[] {r, connectSinceLog.copy()};
  }

  void received(int bytes) {
    messagesIn.increment();
    bytesIn.add(bytes);
  }

  void sent(int bytes) {
    messagesOut.increment();
    bytesOut.add(bytes);
  }

  /** Takes a sample and updates the rates; called about once a second. */
  public synchronized Stats sample() {
    Stats now = build(rates);
    if (previous != null && now.elapsedMillis() > previous.elapsedMillis()) {
      double seconds = (now.elapsedMillis() - previous.elapsedMillis()) / 1000.0;
      rates =
          new double[] {
            (now.messagesIn() - previous.messagesIn()) / seconds,
            (now.messagesOut() - previous.messagesOut()) / seconds,
            (now.bytesIn() - previous.bytesIn()) / seconds,
            (now.bytesOut() - previous.bytesOut()) / seconds
          };
    } else if (previous == null && now.elapsedMillis() > 0) {
      rates = averages(now);
    }
    previous = now;
    recentRtt = percentiles(rttSinceSample);
    rttSinceSample.reset();
    return build(rates);
  }

  /** The current figures with the rates of the last sample. */
  public synchronized Stats snapshot() {
    return build(rates);
  }

  /** The current figures with rates averaged over the whole run. */
  public synchronized Stats averaged() {
    Stats now = build(rates);
    return build(averages(now));
  }

  private static double[] averages(Stats s) {
    double seconds = Math.max(s.elapsedMillis(), 1) / 1000.0;
    return new double[] {
      s.messagesIn() / seconds,
      s.messagesOut() / seconds,
      s.bytesIn() / seconds,
      s.bytesOut() / seconds
    };
  }

  /** p50, p99 and max in microseconds; zeros when empty. */
  private static double[] percentiles(Histogram h) {
    if (h.getTotalCount() == 0) {
      return new double[3];
    }
    return new double[] {
      h.getValueAtPercentile(50) / 1000.0,
      h.getValueAtPercentile(99) / 1000.0,
      h.getMaxValue() / 1000.0
    };
  }

  private void drain() {
    rttInterval = rtt.getIntervalHistogram(rttInterval);
    rttTotal.add(rttInterval);
    rttSinceSample.add(rttInterval);
    rttSinceLog.add(rttInterval);
  }

  private Stats build(double[] r) {
    drain();
    long count = rttTotal.getTotalCount();
    double[] total = percentiles(rttTotal);
    return new Stats(
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
        launched.sum(),
        connected.sum(),
        failed.sum(),
        closed.sum(),
        messagesIn.sum(),
        messagesOut.sum(),
        bytesIn.sum(),
        bytesOut.sum(),
        r[0],
        r[1],
        r[2],
        r[3],
        count,
        total[0],
        total[1],
        total[2],
        recentRtt[0],
        recentRtt[1],
        recentRtt[2],
        echoesVerified.sum(),
        echoMismatches.sum(),
        errors.total());
  }
}
