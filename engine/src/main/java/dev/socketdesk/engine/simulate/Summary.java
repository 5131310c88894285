package dev.socketdesk.engine.simulate;

import dev.socketdesk.engine.Plural;
import java.util.List;

/**
 * The result of a finished simulation.
 *
 * @param profile the profile that ran.
 * @param target the target {@code host:port} (client profiles) or the bound address (servers).
 * @param count the number of devices asked for.
 * @param stats the final figures; rates are averages over the whole run.
 * @param errors every error of the run, grouped by cause, largest group first; empty when none.
 * @param warnings the pre-run warnings (open-file limit, local port range).
 */
public record Summary(
    Profile profile,
    String target,
    int count,
    Stats stats,
    List<ErrorGroup> errors,
    List<String> warnings) {

  public Summary {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  /** Total errors over all groups. */
  public long errorCount() {
    return errors.stream().mapToLong(ErrorGroup::count).sum();
  }

  /** A few lines for a person: figures, then one line per error group. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    Stats s = stats;
    b.append(
        String.format(
            java.util.Locale.ROOT,
            "simulate %s %s: %s; when it stopped, %d connected, %d failed, %d closed; %.1f s%n",
            profile.cliName(),
            target,
            Plural.of(count, "device"),
            s.connected(),
            s.failed(),
            s.closed(),
            s.elapsedMillis() / 1000.0));
    b.append(
        String.format(
            java.util.Locale.ROOT,
            "  messages in %d out %d, bytes in %d out %d (avg msg/s in %s out %s)%n",
            s.messagesIn(),
            s.messagesOut(),
            s.bytesIn(),
            s.bytesOut(),
            Stats.human(s.messagesInPerSecond()),
            Stats.human(s.messagesOutPerSecond())));
    if (s.rttCount() > 0) {
      b.append(
          String.format(
              java.util.Locale.ROOT,
              "  rtt %s: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
              Plural.of(s.rttCount(), "sample"),
              s.rttP50Micros() / 1000.0,
              s.rttP99Micros() / 1000.0,
              s.rttMaxMicros() / 1000.0));
    }
    if (s.echoesVerified() > 0 || s.echoMismatches() > 0) {
      b.append(
          String.format(
              java.util.Locale.ROOT,
              "  echoes verified %d, mismatched %d%n",
              s.echoesVerified(),
              s.echoMismatches()));
    }
    if (errors.isEmpty()) {
      b.append("  no errors").append(System.lineSeparator());
    } else {
      b.append("  errors: ").append(errorCount()).append(System.lineSeparator());
      for (ErrorGroup g : errors) {
        b.append("    ").append(g.describe()).append(System.lineSeparator());
      }
    }
    return b.toString();
  }
}
