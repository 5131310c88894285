package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socketdesk.engine.simulate.Profile;
import dev.socketdesk.engine.simulate.Simulation;
import dev.socketdesk.engine.simulate.SimulationConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two shards of {@code simulate} against an echo server, then {@code simulate-report}. */
@Timeout(60)
class SimulateReportCommandTest {
  @TempDir Path dir;

  private void runShards(int port, String... extra) {
    for (int i = 1; i <= 2; i++) {
      String[] base = {
        "simulate",
        "periodic-client",
        "127.0.0.1:" + port,
        "-n",
        "5",
        "--shard",
        i + "/2",
        "--source-ips",
        "127.0.0.2-127.0.0.3",
        "--every",
        "50ms",
        "--messages",
        "3",
        "--verify-echo",
        "--run-id",
        "t1",
        "--histogram-log",
        dir + "/shard-{shard}.hlog"
      };
      String[] args = new String[base.length + extra.length];
      System.arraycopy(base, 0, args, 0, base.length);
      System.arraycopy(extra, 0, args, base.length, extra.length);
      try (CliRun cli = CliRun.piped(new byte[0], args)) {
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        String ids = i == 1 ? "ids 1-3)" : "ids 4-5)";
        assertThat(cli.allLines()).anyMatch(l -> l.contains(ids));
      }
    }
  }

  @Test
  void twoShardsMergeIntoOneReportAndConditionsGate() throws Exception {
    try (Simulation echo =
        new Simulation(
            SimulationConfig.builder(Profile.TCP_ECHO_SERVER).bind("127.0.0.1", 0).build())) {
      int port = echo.start().get(5, TimeUnit.SECONDS).getPort();
      runShards(port);
    }
    String a = dir.resolve("shard-1.hlog").toString();
    String b = dir.resolve("shard-2.hlog").toString();
    try (CliRun cli = CliRun.piped(new byte[0], "simulate-report", a, b)) {
      assertThat(cli.exitCode()).as(cli.err()).isZero();
      String text = String.join("\n", cli.allLines());
      assertThat(text)
          .contains("simulate periodic-client 127.0.0.1:")
          .contains("5 devices; when it stopped")
          .contains("messages in")
          .contains("rtt 15 samples")
          .contains("echoes verified 15, mismatched 0")
          .contains("connected 5 of 5 devices at some point; connect time p50");
      assertThat(cli.allLines())
          .anyMatch(l -> l.startsWith("1/2") && l.contains("1-3") && l.endsWith("ok"));
      assertThat(cli.allLines()).anyMatch(l -> l.startsWith("2/2") && l.contains("4-5"));
    }
    try (CliRun cli = CliRun.piped(new byte[0], "simulate-report", dir.toString())) {
      assertThat(cli.exitCode()).as("a folder stands for its *.hlog files: " + cli.err()).isZero();
      assertThat(cli.allLines()).anyMatch(l -> l.startsWith("2/2"));
    }
    try (CliRun cli =
        CliRun.piped(new byte[0], "simulate-report", a, b, "--json", "--fail-if", "failed>0")) {
      assertThat(cli.exitCode()).as(cli.err()).isZero();
      JsonNode report = new ObjectMapper().readTree(cli.allLines().get(0));
      assertThat(report.path("event").asText()).isEqualTo("report");
      assertThat(report.path("count").asInt()).isEqualTo(5);
      assertThat(report.path("stats").path("messagesOut").asLong()).isEqualTo(15);
      assertThat(report.path("shards")).hasSize(2);
      assertThat(report.path("shards").get(1).path("firstId").asInt()).isEqualTo(4);
    }
    try (CliRun cli =
        CliRun.piped(
            new byte[0],
            "simulate-report",
            a,
            b,
            "--fail-if",
            "messages-out<16",
            "--fail-if",
            "p99>1000s")) {
      assertThat(cli.exitCode()).isEqualTo(1);
      assertThat(cli.err())
          .isEqualTo(
              "socketdesk: --fail-if 'messages-out<16' holds: messages-out is 15"
                  + System.lineSeparator());
    }
  }

  @Test
  void aTimeConditionOnLogsWithoutSuchTimesIsNamedWithExitTwoInsteadOfPassing() throws Exception {
    String log = dir.resolve("echo-client.hlog").toString();
    try (Simulation echo =
        new Simulation(
            SimulationConfig.builder(Profile.TCP_ECHO_SERVER).bind("127.0.0.1", 0).build())) {
      int port = echo.start().get(5, TimeUnit.SECONDS).getPort();
      try (CliRun cli =
          CliRun.piped(
              new byte[0],
              "simulate",
              "echo-client",
              "127.0.0.1:" + port,
              "--messages",
              "3",
              "--histogram-log",
              log)) {
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.allLines())
            .anyMatch(l -> l.startsWith("simulating 1 echo-client device against"));
      }
    }
    try (CliRun cli =
        CliRun.piped(
            new byte[0], "simulate-report", log, "--fail-if", "p99>1us", "--fail-if", "failed>0")) {
      assertThat(cli.exitCode()).isEqualTo(2);
      assertThat(cli.err())
          .startsWith(
              "socketdesk: --fail-if 'p99>1us' cannot be checked: the logs hold no round-trip"
                  + " times;")
          .hasLineCount(1);
      assertThat(String.join("\n", cli.allLines()))
          .contains("1 device; when it stopped")
          .contains("messages in 3 out 3")
          .contains("connected 1 of 1 device at some point");
    }
    try (CliRun cli =
        CliRun.piped(
            new byte[0],
            "simulate-report",
            log,
            "--fail-if",
            "messages-out<100",
            "--fail-if",
            "max>1s")) {
      assertThat(cli.exitCode()).as("exit 2 wins over a condition that holds").isEqualTo(2);
      assertThat(cli.err()).hasLineCount(2).contains("max>1s' cannot be checked");
    }
    try (CliRun cli =
        CliRun.piped(new byte[0], "simulate-report", log, "--fail-if", "connect-p99>1s")) {
      assertThat(cli.exitCode()).as("a device connected: " + cli.err()).isZero();
    }
  }

  @Test
  void aMissingOrCutLogIsNamedInOneLineWithExitTwo() throws Exception {
    Path cut = dir.resolve("cut.hlog");
    Files.writeString(
        cut,
        "#socketdesk-simulate version=1 run=t profile=echo-client target=127.0.0.1:1 count=2"
            + " shard=1/1 first-id=1 devices=2 settings=0 start-ms=1\n");
    try (CliRun cli = CliRun.piped(new byte[0], "simulate-report", cut.toString())) {
      assertThat(cli.exitCode()).isEqualTo(2);
      assertThat(cli.err())
          .startsWith("socketdesk: " + cut + ": ends before the final counters (shard 1/1")
          .hasLineCount(1);
    }
    try (CliRun cli =
        CliRun.piped(new byte[0], "simulate-report", dir.resolve("gone.hlog").toString())) {
      assertThat(cli.exitCode()).isEqualTo(2);
      assertThat(cli.err()).contains("gone.hlog: no such file").hasLineCount(1);
    }
    try (CliRun cli =
        CliRun.piped(new byte[0], "simulate-report", cut.toString(), "--fail-if", "p99>5")) {
      assertThat(cli.exitCode()).isEqualTo(2);
      assertThat(cli.err()).contains("p99 is a time");
    }
  }
}
