package dev.socketdesk.engine.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
  private static Stats stats(double recentP50, double recentMax, long mismatches, long errors) {
    return new Stats(
        12_345,
        1000,
        998,
        2,
        0,
        5000,
        5000,
        120_000,
        120_000,
        1000,
        1000,
        24_000,
        24_000,
        5000,
        300,
        900,
        4000,
        recentP50,
        800,
        recentMax,
        5000 - mismatches,
        mismatches,
        errors);
  }

  @Test
  void progressLineShowsTheLastSecondsRtt() {
    assertThat(stats(210, 2100, 0, 0).progressLine())
        .isEqualTo(
            "12s devices 998 up, 2 failed, 0 closed | msg/s in 1.0k out 1.0k"
                + " | B/s in 24.0k out 24.0k | rtt p50 0.21 ms p99 0.80 ms max 2.10 ms"
                + " | echoes ok 5000 bad 0");
  }

  @Test
  void progressLineLeavesOutRttWhenTheLastSecondHadNone() {
    assertThat(stats(0, 0, 3, 2).progressLine())
        .doesNotContain("rtt")
        .endsWith("| echoes ok 4997 bad 3 | errors 2");
  }

  @Test
  void humanNumbers() {
    assertThat(Stats.human(950)).isEqualTo("950");
    assertThat(Stats.human(12_345)).isEqualTo("12.3k");
    assertThat(Stats.human(4_560_000)).isEqualTo("4.56M");
    assertThat(Stats.human(1.2e9)).isEqualTo("1.20G");
  }

  @Test
  void summaryListsEveryErrorGroup() {
    Summary summary =
        new Summary(
            Profile.ECHO_CLIENT,
            "127.0.0.1:10000",
            1000,
            stats(0, 0, 0, 7),
            List.of(
                new ErrorGroup(ErrorCause.FD_LIMIT, 5, "Too many open files"),
                new ErrorGroup(ErrorCause.RESET, 2, "Connection reset by peer")),
            List.of());
    assertThat(summary.errorCount()).isEqualTo(7);
    assertThat(summary.describe())
        .contains("errors: 7")
        .contains(
            "5 x fd limit reached (EMFILE: too many open files) (e.g. Too many open files):"
                + " raise the limit with 'ulimit -n' or run fewer devices")
        .contains("2 x connection reset by peer");
  }
}
