package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code socketdesk simulate}: parsing, exit codes, progress and the JSON summary. */
@Timeout(60)
class SimulateCommandTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void badProfileIsBadUsage() {
    try (CliRun cli = CliRun.piped(new byte[0], "simulate", "toaster")) {
      assertThat(cli.exitCode()).isEqualTo(2);
      assertThat(cli.err())
          .isEqualTo(
              "socketdesk: unknown profile 'toaster'; use one of echo-client, tcp-echo-server,"
                  + " udp-server, udp-client, periodic-client, sensor, serial-echo-board, ws-client,"
                  + " ws-echo-server"
                  + System.lineSeparator());
    }
  }

  @Test
  void clientProfileWithoutTargetIsBadUsage() {
    try (CliRun cli = CliRun.piped(new byte[0], "simulate", "sensor", "--count", "3")) {
      assertThat(cli.exitCode()).isEqualTo(2);
      assertThat(cli.err()).contains("sensor needs a target; give HOST:PORT");
    }
  }

  @Test
  void refusedTargetGivesExitOneAndGroupedErrorsInJson() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, LOOPBACK)) {
      port = closed.getLocalPort();
    }
    try (CliRun cli =
        CliRun.piped(
            new byte[0], "simulate", "periodic-client", "127.0.0.1:" + port, "-n", "4", "--json")) {
      JsonNode summary = cli.event("summary");
      assertThat(cli.exitCode()).isEqualTo(1);
      assertThat(summary.path("stats").path("failed").asLong()).isEqualTo(4);
      JsonNode errors = summary.path("errors");
      assertThat(errors).hasSize(1);
      assertThat(errors.get(0).path("cause").asText()).isEqualTo("refused");
      assertThat(errors.get(0).path("count").asLong()).isEqualTo(4);
    }
  }

  @Test
  void periodicClientSendsItsPayloadsThenSummarises() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 5, LOOPBACK);
        CliRun cli =
            CliRun.piped(
                new byte[0],
                "simulate",
                "periodic-client",
                "127.0.0.1:" + server.getLocalPort(),
                "--messages",
                "2",
                "--every",
                "50ms",
                "--send",
                "dev {id} #{seq}",
                "--line-ending",
                "lf",
                "--json")) {
      try (Socket board = server.accept()) {
        board.setSoTimeout(10_000);
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(board.getInputStream(), StandardCharsets.UTF_8));
        assertThat(in.readLine()).isEqualTo("dev 1 #1");
        assertThat(in.readLine()).isEqualTo("dev 1 #2");
        assertThat(in.readLine()).isNull();
      }
      JsonNode summary = cli.event("summary");
      assertThat(cli.exitCode()).isZero();
      assertThat(summary.path("profile").asText()).isEqualTo("periodic-client");
      assertThat(summary.path("stats").path("messagesOut").asLong()).isEqualTo(2);
      assertThat(summary.path("stats").path("bytesOut").asLong()).isEqualTo(18);
      assertThat(summary.path("errors")).isEmpty();
    }
  }

  @Test
  void echoServerPrintsWhereItListensAndEchoes() throws Exception {
    try (CliRun cli =
        CliRun.piped(
            new byte[0],
            "simulate",
            "tcp-echo-server",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--duration",
            "2s")) {
      String listening = cli.line(l -> l.startsWith("tcp-echo-server listening on 127.0.0.1:"));
      int port = Integer.parseInt(listening.replaceAll(".*:(\\d+) .*", "$1"));
      try (Socket board = new Socket(LOOPBACK, port)) {
        board.setSoTimeout(10_000);
        board.getOutputStream().write("Hello Handbit".getBytes(StandardCharsets.UTF_8));
        board.shutdownOutput();
        assertThat(new String(board.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
            .isEqualTo("Hello Handbit");
      }
      assertThat(cli.exitCode()).isZero();
      assertThat(cli.line(l -> l.startsWith("simulate tcp-echo-server")))
          .contains("127.0.0.1:" + port);
      assertThat(cli.line(l -> l.contains("messages in"))).contains("messages in 1 out 1");
    }
  }
}
