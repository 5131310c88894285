package dev.socketdesk.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Ctrl+C: cancelling a run ends it at once, and its report still holds the test that ran. */
class CancelTest {

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aCancelledRunReportsTheRunningTestAsInterruptedAndDropsTheRest() throws Exception {
    Suite suite =
        Scripts.parse(
            "slow.yaml",
            "tests:\n"
                + "  - {name: one, steps: [{wait: 30s}]}\n"
                + "  - {name: two, steps: [{wait: 30s}]}\n"
                + "  - {name: three, steps: [{wait: 30s}]}\n");
    ScriptRunner runner = new ScriptRunner(RunSettings.defaults());
    CountDownLatch started = new CountDownLatch(1);
    RunListener listener =
        new RunListener() {
          @Override
          public void testStarted(String file, String test, int run) {
            started.countDown();
          }
        };

    CompletableFuture<RunReport> running =
        CompletableFuture.supplyAsync(() -> runner.run(List.of(suite), listener));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    runner.cancel();
    RunReport report = running.get(10, TimeUnit.SECONDS);

    assertThat(report.interrupted()).isTrue();
    assertThat(report.exitCode()).isEqualTo(1);
    assertThat(report.tests())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.name()).isEqualTo("one");
              assertThat(t.status()).isEqualTo(Status.INTERRUPTED);
              assertThat(t.millis()).isLessThan(10_000);
            });
    assertThat(JunitReport.toXml(report)).contains("<error message=\"wait 30s: interrupted\"");
  }
}
