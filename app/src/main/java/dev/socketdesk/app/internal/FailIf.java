package dev.socketdesk.app.internal;

import dev.socketdesk.engine.simulate.FleetReport;
import dev.socketdesk.engine.simulate.Stats;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --fail-if} condition of {@code simulate-report}: {@code METRIC OP VALUE}, e.g. {@code
 * p99>50ms} or {@code failed>0}. Times (p50, p99, max, connect-p50, connect-p99) take a unit (us,
 * ms, s); counts take none.
 *
 * @param text the condition as given.
 * @param metric the metric's name.
 * @param op one of {@code > >= < <= = !=}.
 * @param threshold in microseconds (times) or units (counts).
 */
public record FailIf(String text, String metric, String op, double threshold) {
  private static final Pattern FORM =
      Pattern.compile(
          "\\s*([a-z0-9-]+)\\s*(>=|<=|==|!=|>|<|=)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([a-zµ]*)\\s*");

  private static final Map<String, ToDoubleFunction<FleetReport>> TIMES =
      Map.of(
          "p50", r -> r.summary().stats().rttP50Micros(),
          "p99", r -> r.summary().stats().rttP99Micros(),
          "max", r -> r.summary().stats().rttMaxMicros(),
          "connect-p50", r -> connectMicros(r, 50),
          "connect-p99", r -> connectMicros(r, 99));

  private static final Map<String, ToDoubleFunction<Stats>> COUNTS =
      Map.of(
          "failed", Stats::failed,
          "connected", Stats::connected,
          "errors", Stats::errors,
          "mismatched", Stats::echoMismatches,
          "messages-in", Stats::messagesIn,
          "messages-out", Stats::messagesOut);

  /**
   * Parses one condition.
   *
   * @throws CliFailure (usage) naming the condition and the form.
   */
  public static FailIf parse(String text) {
    Matcher m = FORM.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw bad(text, "use METRIC OP VALUE, e.g. 'p99>50ms' or 'failed>0'");
    }
    String metric = m.group(1);
    String unit = m.group(4);
    double value = Double.parseDouble(m.group(3));
    if (TIMES.containsKey(metric)) {
      double scale =
          switch (unit) {
            case "us", "µs" -> 1;
            case "ms" -> 1_000;
            case "s" -> 1_000_000;
            default -> throw bad(text, metric + " is a time; give a unit: us, ms or s, e.g. 50ms");
          };
      return new FailIf(text, metric, m.group(2), value * scale);
    }
    if (COUNTS.containsKey(metric)) {
      if (!unit.isEmpty()) {
        throw bad(text, metric + " is a count; give a plain number, e.g. " + metric + ">0");
      }
      return new FailIf(text, metric, m.group(2), value);
    }
    throw bad(
        text,
        "unknown metric '"
            + metric
            + "'; use p50, p99, max, connect-p50, connect-p99, failed, connected, errors,"
            + " mismatched, messages-in or messages-out");
  }

  /** The metric's value in the report (microseconds for times). */
  public double value(FleetReport report) {
    ToDoubleFunction<FleetReport> time = TIMES.get(metric);
    return time != null
        ? time.applyAsDouble(report)
        : COUNTS.get(metric).applyAsDouble(report.summary().stats());
  }

  /** Whether the condition holds for the report (and the run should fail). */
  public boolean holds(FleetReport report) {
    double v = value(report);
    return switch (op) {
      case ">" -> v > threshold;
      case ">=" -> v >= threshold;
      case "<" -> v < threshold;
      case "<=" -> v <= threshold;
      case "!=" -> v != threshold;
      default -> v == threshold;
    };
  }

  /**
   * Why the condition cannot be checked against the report, or null when it can: a time condition
   * on a histogram without values (no RTT was measured, or no device connected) would otherwise
   * compare a made-up 0 and pass or fail silently.
   */
  public String uncheckable(FleetReport report) {
    if (metric.startsWith("connect-") && report.connect().getTotalCount() == 0) {
      return prefix()
          + " cannot be checked: the logs hold no connect times (no device connected); drop the"
          + " condition or gate on 'connected<N'";
    }
    if (TIMES.containsKey(metric)
        && !metric.startsWith("connect-")
        && report.summary().stats().rttCount() == 0) {
      return prefix()
          + " cannot be checked: the logs hold no round-trip times; RTT is measured with"
          + " --verify-echo or by profiles that send on a timer (periodic-client, sensor,"
          + " udp-client, ws-client)";
    }
    return null;
  }

  private String prefix() {
    return "--fail-if '" + text + "'";
  }

  /** {@code --fail-if 'p99>50ms' holds: p99 is 72.100 ms}. */
  public String describe(FleetReport report) {
    double v = value(report);
    String shown =
        TIMES.containsKey(metric)
            ? String.format(Locale.ROOT, "%.3f ms", v / 1000.0)
            : String.format(Locale.ROOT, "%.0f", v);
    return "--fail-if '" + text + "' holds: " + metric + " is " + shown;
  }

  private static double connectMicros(FleetReport r, double percentile) {
    return r.connect().getTotalCount() == 0
        ? 0
        : r.connect().getValueAtPercentile(percentile) / 1000.0;
  }

  private static CliFailure bad(String text, String fix) {
    return CliFailure.usage("--fail-if '" + text + "' is not a condition; " + fix);
  }
}
