package dev.socketdesk.engine.simulate;

/**
 * A live snapshot of a running simulation. Totals are exact; rates are measured over the last
 * sampling interval (about one second); RTT percentiles come from an HdrHistogram of every round
 * trip so far (3 significant digits).
 *
 * <p>RTT is measured by devices that send on a timer: from a send to the first byte of the answer,
 * or, with echo verification, to the last byte of the payload's echo. The {@code rtt*} figures
 * cover the whole run; the {@code recentRtt*} figures only the last sampling interval (zero when it
 * had no round trip), which is what the progress line shows.
 *
 * @param elapsedMillis time since the simulation started.
 * @param launched devices started so far (connection attempts for client profiles).
 * @param connected devices (or, for servers, clients) connected now.
 * @param failed devices whose connection attempt failed.
 * @param closed connections that ended after being established.
 * @param messagesIn reads (TCP) or datagrams (UDP) received.
 * @param messagesOut payloads or datagrams sent.
 * @param bytesIn bytes received.
 * @param bytesOut bytes sent.
 * @param messagesInPerSecond receive rate over the last interval.
 * @param messagesOutPerSecond send rate over the last interval.
 * @param bytesInPerSecond receive rate over the last interval.
 * @param bytesOutPerSecond send rate over the last interval.
 * @param rttCount round trips measured.
 * @param rttP50Micros median RTT in microseconds; 0 when none measured.
 * @param rttP99Micros 99th percentile RTT in microseconds; 0 when none measured.
 * @param rttMaxMicros largest RTT in microseconds; 0 when none measured.
 * @param recentRttP50Micros median RTT of the last interval, in microseconds.
 * @param recentRttP99Micros 99th percentile RTT of the last interval, in microseconds.
 * @param recentRttMaxMicros largest RTT of the last interval, in microseconds.
 * @param echoesVerified payloads whose echo came back byte-identical (echo verification only).
 * @param echoMismatches echoed bytes that differed from what was sent (echo verification only).
 * @param errors errors of all causes; see {@link Summary#errors()} for the groups.
 */
public record Stats(
    long elapsedMillis,
    long launched,
    long connected,
    long failed,
    long closed,
    long messagesIn,
    long messagesOut,
    long bytesIn,
    long bytesOut,
    double messagesInPerSecond,
    double messagesOutPerSecond,
    double bytesInPerSecond,
    double bytesOutPerSecond,
    long rttCount,
    double rttP50Micros,
    double rttP99Micros,
    double rttMaxMicros,
    double recentRttP50Micros,
    double recentRttP99Micros,
    double recentRttMaxMicros,
    long echoesVerified,
    long echoMismatches,
    long errors) {

  /**
   * One line for a terminal, e.g. {@code 12s devices 1000 up, 0 failed, 0 closed | msg/s in 1000
   * out 1000 | B/s in 23.4k out 23.4k | rtt p50 0.12 ms p99 0.34 ms max 2.10 ms}, with the RTT of
   * the last interval.
   */
  public String progressLine() {
    StringBuilder b = new StringBuilder(160);
    b.append(elapsedMillis / 1000).append("s devices ").append(connected).append(" up, ");
    b.append(failed).append(" failed, ").append(closed).append(" closed");
    b.append(" | msg/s in ").append(human(messagesInPerSecond));
    b.append(" out ").append(human(messagesOutPerSecond));
    b.append(" | B/s in ").append(human(bytesInPerSecond));
    b.append(" out ").append(human(bytesOutPerSecond));
    if (recentRttMaxMicros > 0) {
      b.append(" | rtt p50 ").append(millis(recentRttP50Micros));
      b.append(" p99 ").append(millis(recentRttP99Micros));
      b.append(" max ").append(millis(recentRttMaxMicros));
    }
    if (echoesVerified > 0 || echoMismatches > 0) {
      b.append(" | echoes ok ").append(echoesVerified).append(" bad ").append(echoMismatches);
    }
    if (errors > 0) {
      b.append(" | errors ").append(errors);
    }
    return b.toString();
  }

  /** {@code 950}, {@code 12.3k}, {@code 4.56M}, {@code 1.20G}. */
  static String human(double value) {
    if (value < 1000) {
      return String.format(java.util.Locale.ROOT, "%.0f", value);
    }
    if (value < 1e6) {
      return String.format(java.util.Locale.ROOT, "%.1fk", value / 1e3);
    }
    if (value < 1e9) {
      return String.format(java.util.Locale.ROOT, "%.2fM", value / 1e6);
    }
    return String.format(java.util.Locale.ROOT, "%.2fG", value / 1e9);
  }

  private static String millis(double micros) {
    return String.format(java.util.Locale.ROOT, "%.2f ms", micros / 1000.0);
  }
}
