package dev.socketdesk.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each step type, run on real loopback sessions against the simulator or a second link. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StepTypesTest {

  static TestResult run(String yaml) {
    return run(yaml, RunSettings.defaults());
  }

  static TestResult run(String yaml, RunSettings settings) {
    Suite suite = Scripts.parse("t.yaml", yaml, settings.vars().keySet());
    RunReport report = new ScriptRunner(settings).run(List.of(suite), RunListener.NONE);
    assertThat(report.tests()).hasSize(1);
    return report.tests().get(0);
  }

  static void passes(String yaml) {
    TestResult r = run(yaml);
    assertThat(r.status()).as("%s\n%s", r.failure(), r.transcript()).isEqualTo(Status.PASSED);
  }

  static StepResult fails(String yaml) {
    TestResult r = run(yaml);
    assertThat(r.status()).as(r.transcript()).isEqualTo(Status.FAILED);
    return r.failure();
  }

  static String echo(String steps) {
    return "connect: ${sim.address}\nsteps:\n  - simulate: tcp-echo-server\n" + steps;
  }

  @Test
  void sendAppliesEscapesChecksumLineEndingAndEncoding() {
    passes(
        echo(
            """
              - send: 'A\\x01'
                checksum: sum8
                line-ending: crlf
              - expect-hex: 41 01 42 0D 0A
              - send: '温度'
                encoding: GBK
              - expect-hex: CE C2 B6 C8
              - send-hex: 01 03 00 00 00 01
                checksum: crc16-modbus
              - expect-hex: 01 03 00 00 00 01 84 0A
            """));
  }

  @Test
  void expectRegexGroupsBecomeVariablesAndSetComputesNewOnes() {
    passes(
        echo(
            """
              - send: 'AT+GMR\\r\\nversion 4.2.1\\r\\n'
              - expect-regex: 'version (?<major>\\d+)\\.(?<minor>\\d+)'
              - set: {v: '${major}-${minor}'}
              - send: 'got ${v} #{seq} run {id}'
              - expect: 'got 4-2 #2 run 1'
            """));
  }

  @Test
  void expectHexWildcardsMatchAnyByteAndAWrongChecksumFails() {
    passes(
        echo(
            "  - send-hex: 01 03 02 00 2A 39 9B\n  - expect-hex: 01 ?? 02 ?? ??\n    checksum: crc16-modbus\n"));
    StepResult failure =
        fails(
            echo(
                "  - send-hex: 01 03 02 00 2A 39 9C\n  - expect-hex: 01 03 02 ?? ??\n    checksum: crc16-modbus\n    timeout: 200ms\n"));
    assertThat(failure.expected()).isEqualTo("hex 01 03 02 ?? ?? + a right crc16-modbus");
    assertThat(failure.received()).isEqualTo("01 03 02 00 2A 39 9C");
  }

  @Test
  void anExpectThatTimesOutReportsExpectedAndTheTailReceived() {
    StepResult failure =
        fails(echo("  - send: 'temp=21'\n  - expect: 'temp=22'\n    timeout: 300ms\n"));

    assertThat(failure.step()).isEqualTo("expect \"temp=22\"");
    assertThat(failure.location()).isEqualTo(new Location("t.yaml", 5, 5));
    assertThat(failure.message())
        .startsWith("did not receive \"temp=22\" in time; received \"temp=21\"");
    assertThat(failure.millis()).isBetween(250L, 5000L);
  }

  @Test
  void expectNonePassesWhenNothingMatchesAndFailsWhenSomethingDoes() {
    passes(
        echo("  - send: 'fine'\n  - expect-none: 'ERR'\n    within: 200ms\n  - expect: 'fine'\n"));
    StepResult failure =
        fails(echo("  - send: 'ERR 5'\n  - expect-none: 'ERR \\d'\n    within: 2s\n"));
    assertThat(failure.message()).startsWith("received regex /ERR \\d/, which must not arrive");
    assertThat(failure.millis()).isLessThan(1500);
  }

  @Test
  void closeAndExpectCloseAcrossTwoLinksOfOneTest() {
    passes(
        """
        links:
          server: {listen: 0}
          client: {connect: '127.0.0.1:${server.port}'}
        steps:
          - send: hi
            on: client
          - expect: hi
            on: server
          - send: ho
            on: server
          - expect: ho
            on: client
          - close: client
          - expect-close: server
        """);
  }

  @Test
  void expectCloseFailsWhileThePeerStaysConnected() {
    StepResult failure = fails(echo("  - send: x\n  - expect-close:\n    timeout: 200ms\n"));
    assertThat(failure.message()).startsWith("the peer did not close the connection in time");
  }

  @Test
  void waitWaitsAndRepeatRunsItsStepsThatOften() {
    TestResult r =
        run(
            echo(
                "  - wait: 100ms\n  - repeat: 50\n    steps:\n      - send: 'n{seq};'\n      - expect: 'n{seq};'\n"));
    assertThat(r.status()).isEqualTo(Status.PASSED);
    assertThat(r.steps())
        .extracting(StepResult::step)
        .containsExactly("simulate tcp-echo-server", "wait 100ms", "repeat 50 x 2 steps");
    assertThat(r.steps().get(1).millis()).isGreaterThanOrEqualTo(100);
    assertThat(r.transcript()).contains("TX 4 B \"n50;\"");
  }

  @Test
  void aFailureInsideARepeatNamesItsIteration() {
    StepResult failure =
        fails(
            echo(
                "  - repeat: 5\n    steps:\n      - send: 'n{seq}'\n      - expect: 'n3x'\n        timeout: 200ms\n"));
    assertThat(failure.step()).isEqualTo("repeat 5 x 2 steps");
    assertThat(failure.message()).startsWith("in iteration 1: did not receive \"n3x\" in time");
  }

  @Test
  void simulatedUdpServerAndClientProfiles() {
    passes(
        """
        udp: {port: 0, to: '${sim.address}'}
        steps:
          - simulate: udp-server
            reply: 'pong'
          - send: ping
          - expect: pong
        """);
    passes(
        """
        udp: {port: 0}
        steps:
          - simulate: udp-client
            on: link
            send: 'hello {seq}'
            every: 50ms
          - expect: 'hello 1'
          - expect: 'hello 2'
          - send: 'answer'
        """);
  }

  @Test
  void aListenLinkFailsWhenNoClientComesInItsAcceptTimeout() {
    StepResult failure = fails("listen: {port: 0, accept-timeout: 200ms}\nsteps:\n  - send: hi\n");
    assertThat(failure.message()).startsWith("no client connected to").endsWith("within 200ms");
  }

  @Test
  void aLinkThatCannotOpenFailsItsFirstStep() {
    StepResult failure = fails("connect: 127.0.0.1:1\nsteps:\n  - send: hi\n");
    assertThat(failure.message()).startsWith("the link (127.0.0.1:1) did not open:");
  }

  @Test
  void outsideVariablesOverrideTheScripts() {
    TestResult r =
        run(
            echo("  - send: '${word}'\n  - expect: 'outside'\n")
                .replace("steps:", "vars: {word: inside}\nsteps:"),
            new RunSettings(1, 1, null, Map.of("word", "outside")));
    assertThat(r.status()).as(r.transcript()).isEqualTo(Status.PASSED);
  }

  @Test
  void theRunTimeoutBoundsATest() {
    TestResult r =
        run("steps:\n  - wait: 5s\n", new RunSettings(1, 1, Duration.ofMillis(200), Map.of()));
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.millis()).isLessThan(2000);
  }
}
