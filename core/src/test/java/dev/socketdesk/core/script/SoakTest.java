package dev.socketdesk.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A 10,000-step run keeps its results, transcript and buffers within bounds. */
class SoakTest {

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void tenThousandStepsStayWithinBoundedMemory() {
    Suite suite =
        Scripts.parse(
            "soak.yaml",
            """
            connect: ${sim.address}
            steps:
              - simulate: tcp-echo-server
              - repeat: 5000
                steps:
                  - send: 'reading {seq} 0123456789abcdefghijklmnopqrstuvwxyz\\n'
                  - expect: 'reading {seq} '
            """);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();

    RunReport report =
        new ScriptRunner(RunSettings.defaults()).run(List.of(suite), RunListener.NONE);

    TestResult result = report.tests().get(0);
    assertThat(result.status()).as(String.valueOf(result.failure())).isEqualTo(Status.PASSED);
    assertThat(result.steps()).hasSize(2);
    long lines = result.transcript().lines().count();
    assertThat(lines).isLessThanOrEqualTo(2001);
    assertThat(result.transcript()).startsWith("... ").contains("reading 5000 ");
    System.gc();
    long after = memory.getHeapMemoryUsage().getUsed();
    assertThat(after - before).as("heap growth in bytes").isLessThan(64L << 20);
  }
}
