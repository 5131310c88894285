package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** S2 and piping: the PC is the client of a board's server. */
@Timeout(60)
class TcpClientCliTest {

  private static ServerSocket board() throws Exception {
    return board(InetAddress.getLoopbackAddress());
  }

  private static ServerSocket board(InetAddress address) throws Exception {
    ServerSocket server = new ServerSocket();
    server.bind(new InetSocketAddress(address, 0), 5);
    server.setSoTimeout(10_000);
    return server;
  }

  private static String readToEnd(Socket s) throws Exception {
    InputStream in = s.getInputStream();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    return all.toString(StandardCharsets.UTF_8);
  }

  @Test
  void pipedInputAndTimedSendsGoOutThenHalfCloseThenTheAnswerIsPrinted() throws Exception {
    try (ServerSocket board = board()) {
      CliRun cli =
          CliRun.piped(
              "hi".getBytes(StandardCharsets.UTF_8),
              "tcp-client",
              "127.0.0.1:" + board.getLocalPort(),
              "--json",
              "--input",
              "raw",
              "--send",
              "A",
              "--send",
              "B",
              "--every",
              "20ms",
              "--count",
              "4");
      try (Socket conn = board.accept()) {
        conn.setSoTimeout(10_000);
        String got = readToEnd(conn);
        assertThat(got).as("everything arrives before the half-close").hasSize(6);
        assertThat(got.replaceFirst("hi", "")).isEqualTo("ABAB");
        conn.getOutputStream().write("pong".getBytes(StandardCharsets.UTF_8));
      }
      assertThat(cli.exitCode()).isZero();
      JsonNode received = cli.event("received");
      assertThat(received.path("text").asText()).isEqualTo("pong");
      assertThat(received.path("hex").asText()).isEqualTo("70 6F 6E 67");
      assertThat(cli.event("closed").path("reason").asText()).isEqualTo("peer-closed");
      JsonNode summary = cli.event("summary");
      assertThat(summary.path("bytesOut").asLong()).isEqualTo(6);
      assertThat(summary.path("bytesIn").asLong()).isEqualTo(4);
      assertThat(cli.err()).isEmpty();
    }
  }

  @Test
  void waitEndsTheRunWhenTheServerStaysOpen() throws Exception {
    try (ServerSocket board = board()) {
      CliRun cli =
          CliRun.piped(
              "ping\n".getBytes(StandardCharsets.UTF_8),
              "tcp-client",
              "localhost:" + board.getLocalPort(),
              "--input",
              "lines",
              "--line-ending",
              "crlf",
              "--wait",
              "300ms",
              "--hex");
      try (Socket conn = board.accept()) {
        conn.setSoTimeout(10_000);
        assertThat(readToEnd(conn)).isEqualTo("ping\r\n");
        assertThat(cli.exitCode()).isZero();
      }
      assertThat(cli.line(l -> l.contains(" TX "))).endsWith(" TX 6 B: 70 69 6E 67 0D 0A");
      assertThat(cli.line(l -> l.contains("summary:"))).contains("out 6 B / 1 msg");
    }
  }

  @Test
  void typedLinesWithHexModeAndChecksumToAnIpv6Literal() throws Exception {
    try (ServerSocket board = board(InetAddress.getByName("::1"))) {
      CliRun cli =
          CliRun.interactive(
              "tcp-client",
              "[::1]:" + board.getLocalPort(),
              "--input",
              "lines",
              "--checksum",
              "sum8");
      try (Socket conn = board.accept()) {
        conn.setSoTimeout(10_000);
        cli.line(l -> l.contains("connected"));
        cli.type("/hex");
        cli.line(l -> l.startsWith("typed lines are hex"));
        cli.type("01 02 0x03");
        assertThat(conn.getInputStream().readNBytes(4)).containsExactly(1, 2, 3, 6);
        cli.type("4G");
        assertThat(cli.line(l -> l.contains("error:"))).contains("malformed hex \"4G\"");
        cli.type("/text");
        cli.type("A");
        assertThat(conn.getInputStream().readNBytes(2)).containsExactly('A', 'A');
        cli.endInput();
        assertThat(conn.getInputStream().read())
            .as("half-closed at the end of input")
            .isEqualTo(-1);
      }
      assertThat(cli.exitCode()).isZero();
    }
  }
}
