package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** S1 from the command line: boards connect as clients; the user answers one of them by id. */
@Timeout(60)
class TcpServerCliTest {

  private static Socket connect(int port) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    s.setSoTimeout(10_000);
    return s;
  }

  private static String read(Socket s, int bytes) throws IOException {
    byte[] data = s.getInputStream().readNBytes(bytes);
    return new String(data, StandardCharsets.UTF_8);
  }

  /** Collects received text of one peer until it is {@code expected} long. */
  private static String received(CliRun cli, int peerId, String expected) {
    StringBuilder text = new StringBuilder();
    while (text.length() < expected.length()) {
      JsonNode e = cli.event("received");
      if (e.path("peerId").asInt() == peerId) {
        text.append(e.path("text").asText());
      }
    }
    assertThat(text.toString()).isEqualTo(expected);
    return text.toString();
  }

  @Test
  void answersTheChosenClientOnlyThenAllThenKicks() throws Exception {
    try (CliRun cli =
        CliRun.interactive(
            "tcp-server", "--bind", "127.0.0.1", "--port", "0", "--json", "--input", "lines")) {
      int port = cli.listeningPort();
      try (Socket board1 = connect(port)) {
        assertThat(cli.event("connected").path("peerId").asInt()).isEqualTo(1);
        try (Socket board2 = connect(port)) {
          JsonNode second = cli.event("connected");
          assertThat(second.path("peerId").asInt()).isEqualTo(2);
          assertThat(second.path("peer").asText()).isEqualTo("127.0.0.1:" + board2.getLocalPort());

          board1.getOutputStream().write("Hello WalnutPi!".getBytes(StandardCharsets.UTF_8));
          received(cli, 1, "Hello WalnutPi!");

          cli.type("/to 2");
          assertThat(cli.event("info").path("message").asText()).startsWith("sending to #2 only");
          cli.type("only two");
          assertThat(read(board2, 8)).isEqualTo("only two");

          cli.type("/all");
          cli.event("info");
          cli.type("both");
          assertThat(read(board1, 4)).as("board 1 got nothing before").isEqualTo("both");
          assertThat(read(board2, 4)).isEqualTo("both");

          cli.type("/list");
          assertThat(cli.event("info").path("message").asText())
              .startsWith("2 peers")
              .contains("#1 127.0.0.1:" + board1.getLocalPort())
              .contains("#2 127.0.0.1:" + board2.getLocalPort());

          cli.type("/kick 1");
          JsonNode closed = cli.event("closed");
          assertThat(closed.path("peerId").asInt()).isEqualTo(1);
          assertThat(closed.path("reason").asText()).isEqualTo("local");
          assertThat(board1.getInputStream().read()).isEqualTo(-1);

          cli.type("/quit");
          assertThat(cli.exitCode()).isZero();
          JsonNode summary = cli.event("summary");
          assertThat(summary.path("bytesIn").asLong()).isEqualTo(15);
          assertThat(summary.path("bytesOut").asLong()).isEqualTo(8 + 4 + 4);
          assertThat(summary.path("peers")).hasSize(2);
          assertThat(summary.path("peers").get(0).path("bytesIn").asLong()).isEqualTo(15);
          assertThat(summary.path("peers").get(1).path("bytesOut").asLong()).isEqualTo(12);
        }
      }
      assertThat(cli.err()).isEmpty();
    }
  }

  @Test
  void echoesWithPrefixToEachClientInTurn() throws Exception {
    try (CliRun cli =
        CliRun.interactive(
            "tcp-server",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--echo-prefix",
            "I got:",
            "--input",
            "lines",
            "--json")) {
      int port = cli.listeningPort();
      try (Socket board = connect(port)) {
        board.getOutputStream().write("abc".getBytes(StandardCharsets.UTF_8));
        assertThat(read(board, 9)).isEqualTo("I got:abc");
      }
      try (Socket second = connect(port)) {
        second.getOutputStream().write("x".getBytes(StandardCharsets.UTF_8));
        assertThat(read(second, 7)).isEqualTo("I got:x");
      }
      // Each client has its own event loop, so the two echoes' events may come in either order.
      JsonNode sent = cli.event("sent", e -> e.path("peerId").asInt() == 1);
      assertThat(sent.path("text").asText()).isEqualTo("I got:abc");
      assertThat(sent.path("hex").asText()).isEqualTo("49 20 67 6F 74 3A 61 62 63");
    }
  }

  @Test
  void aSessionFailureInJsonCarriesItsCodeAndParams() throws Exception {
    try (CliRun cli =
        CliRun.interactive(
            "tcp-server",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--max-clients",
            "1",
            "--input",
            "lines",
            "--json")) {
      int port = cli.listeningPort();
      try (Socket first = connect(port);
          Socket second = connect(port)) {
        JsonNode error = cli.event("error");
        String peer = "127.0.0.1:" + second.getLocalPort();
        assertThat(error.path("message").asText())
            .isEqualTo(
                "refused a client from "
                    + peer
                    + ": the client limit (1) is reached; disconnect one or raise the limit");
        assertThat(error.path("code").asText()).isEqualTo("client-limit");
        assertThat(error.path("params").path("peer").asText()).isEqualTo(peer);
        assertThat(error.path("params").path("max").asText()).isEqualTo("1");
        assertThat(first.isClosed()).isFalse();
      }
    }
  }

  @Test
  void textOutputIsOneLinePerEventWithMillisecondsPeerAndDirection() throws Exception {
    try (CliRun cli =
        CliRun.interactive(
            "tcp-server",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--display",
            "both",
            "--input",
            "lines")) {
      String listening = cli.line(l -> l.contains("listening on"));
      assertThat(listening)
          .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} listening on 127\\.0\\.0\\.1:\\d+");
      int port = Integer.parseInt(listening.substring(listening.lastIndexOf(':') + 1));
      try (Socket board = connect(port)) {
        String who = "#1 127.0.0.1:" + board.getLocalPort();
        assertThat(cli.line(l -> l.contains("connected"))).endsWith(" " + who + " connected");
        InputStream in = board.getInputStream();
        board.getOutputStream().write(new byte[] {'o', 'k', '\r', '\n', (byte) 0xE4, (byte) 0xBD});
        board.getOutputStream().flush();
        board.getOutputStream().write(new byte[] {(byte) 0xA0});
        String first = cli.line(l -> l.contains(" RX "));
        assertThat(first).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} " + who + " RX \\d B: .*");
        StringBuilder rx = new StringBuilder(first);
        if (!first.contains("你")) {
          rx.append(cli.line(l -> l.contains(" RX ")));
        }
        assertThat(rx.toString()).contains("ok\\r\\n").contains("你").contains("6F 6B 0D 0A");
        cli.type("hi\\x01");
        assertThat(in.readNBytes(3)).containsExactly('h', 'i', 0x01);
        assertThat(cli.line(l -> l.contains(" TX ")))
            .endsWith(" " + who + " TX 3 B: hi\\x01  |  68 69 01");
      }
      assertThat(cli.line(l -> l.contains("closed"))).endsWith("closed (closed by peer)");
    }
  }

  @Test
  void quietPrintsNoDataButCountsEveryByte() throws Exception {
    try (CliRun cli =
        CliRun.interactive(
            "tcp-server",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--echo",
            "--quiet",
            "--json",
            "--input",
            "lines")) {
      int port = cli.listeningPort();
      try (Socket board = connect(port)) {
        board.getOutputStream().write("12345".getBytes(StandardCharsets.UTF_8));
        assertThat(read(board, 5)).isEqualTo("12345");
        cli.type("/list");
        assertThat(cli.event("info").path("message").asText()).contains("#1 127.0.0.1:", " in 5 B");
      }
      assertThat(cli.event("closed").path("peerId").asInt()).isEqualTo(1);
      cli.type("/quit");
      assertThat(cli.exitCode()).isZero();
      JsonNode summary = cli.event("summary");
      assertThat(summary.path("bytesIn").asLong()).isEqualTo(5);
      assertThat(summary.path("bytesOut").asLong()).isEqualTo(5);
      JsonNode departed = summary.path("peers").get(0);
      assertThat(departed.path("bytesIn").asLong()).as("exact for a peer that left").isEqualTo(5);
      assertThat(departed.path("bytesOut").asLong()).isEqualTo(5);
      assertThat(cli.allLines())
          .hasSizeGreaterThan(4)
          .noneMatch(l -> l.contains("\"received\"") || l.contains("\"sent\""));
    }
  }

  @Test
  void replyRulesAnswerInTheChosenEncoding() throws Exception {
    try (CliRun cli =
        CliRun.interactive(
            "tcp-server",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--encoding",
            "GBK",
            "--reply",
            "你好=>收到\\r\\n",
            "--reply",
            "hex:01 03=>hex:06",
            "--json",
            "--input",
            "lines")) {
      int port = cli.listeningPort();
      try (Socket board = connect(port)) {
        board.getOutputStream().write("你好".getBytes("GBK"));
        byte[] answer = board.getInputStream().readNBytes(6);
        assertThat(new String(answer, "GBK")).isEqualTo("收到\r\n");
        assertThat(received(cli, 1, "你好")).isEqualTo("你好");
        board.getOutputStream().write(new byte[] {0x01, 0x03});
        assertThat(board.getInputStream().read()).isEqualTo(0x06);
      }
    }
  }

  @Test
  void pipedInputWaitsForTheFirstClientThenGoesToIt() throws Exception {
    try (CliRun cli =
        CliRun.piped(
            "firmware".getBytes(StandardCharsets.UTF_8),
            "tcp-server",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--json",
            "--wait",
            "200ms")) {
      int port = cli.listeningPort();
      try (Socket board = connect(port)) {
        assertThat(read(board, 8)).isEqualTo("firmware");
        assertThat(cli.exitCode()).isZero();
        assertThat(board.getInputStream().read()).as("closed at the end of the run").isEqualTo(-1);
      }
      assertThat(cli.event("summary").path("bytesOut").asLong()).isEqualTo(8);
    }
  }
}
