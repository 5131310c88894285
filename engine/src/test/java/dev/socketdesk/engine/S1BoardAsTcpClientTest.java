package dev.socketdesk.engine;

import static dev.socketdesk.engine.Boards.GREETING;
import static dev.socketdesk.engine.Boards.readText;
import static dev.socketdesk.engine.Boards.text;
import static dev.socketdesk.engine.Boards.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.socketdesk.engine.testing.EventRecorder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * S1: boards connect to the PC's TCP server, say hello, and loop on recv(), answering {@code I
 * got:} + the text. Such a loop never notices a close and keeps sending.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class S1BoardAsTcpClientTest {
  private Engine engine;
  private Session server;
  private final EventRecorder events = new EventRecorder();
  private int port;

  @BeforeEach
  void openServer() throws Exception {
    engine = Engine.create(2);
    server = engine.tcpServer(TcpServerConfig.listen("127.0.0.1", 0));
    server.addListener(events);
    port = server.open().get(10, TimeUnit.SECONDS).getPort();
    assertThat(events.next(SessionEvent.Listening.class).local().getPort()).isEqualTo(port);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void greetingArrivesAndOnlyTheChosenClientIsAnswered() throws Exception {
    try (Socket board1 = connectBoard();
        Socket board2 = connectBoard()) {
      Map<Integer, String> greetings = new HashMap<>();
      Map<Integer, Integer> portsById = new HashMap<>();
      while (greetings.values().stream().mapToInt(String::length).sum() < 2 * GREETING.length) {
        SessionEvent e = events.next();
        if (e instanceof SessionEvent.Connected c) {
          portsById.put(c.peer().id(), c.peer().address().getPort());
        } else if (e instanceof SessionEvent.Received r) {
          greetings.merge(r.peer().id(), text(r.data()), String::concat);
        }
      }
      assertThat(greetings).containsOnlyKeys(1, 2).containsValues("Hello WalnutPi!");
      int id2 =
          portsById.entrySet().stream()
              .filter(en -> en.getValue() == board2.getLocalPort())
              .findFirst()
              .orElseThrow()
              .getKey();

      server.send(id2, utf8("hi")).get(5, TimeUnit.SECONDS);
      assertThat(events.next(SessionEvent.Sent.class).peer().id()).isEqualTo(id2);
      assertThat(readText(board2, "hi")).isEqualTo("hi");
      board2.getOutputStream().write(utf8("I got:hi"));
      assertThat(events.receiveText("I got:hi")).isEqualTo("I got:hi");

      board1.setSoTimeout(300);
      assertThatThrownBy(() -> board1.getInputStream().read())
          .as("client #1 must not receive what was sent to #2")
          .isInstanceOf(SocketTimeoutException.class);

      PeerInfo two = server.peers().stream().filter(p -> p.peer().id() == id2).findFirst().get();
      assertThat(two.counters().bytesOut()).isEqualTo(2);
      assertThat(two.counters().bytesIn()).isEqualTo(GREETING.length + 8);
      assertThat(server.counters())
          .isEqualTo(new Counters(2L * GREETING.length + 8, server.counters().messagesIn(), 2, 1));
    }
  }

  @Test
  void serverStaysHealthyWhenAClientKeepsSendingAfterTheClose() throws Exception {
    int goneId;
    try (Socket board = connectBoard()) {
      SessionEvent.Connected connected = events.next(SessionEvent.Connected.class);
      events.receiveText("Hello WalnutPi!");
      server.disconnect(connected.peer().id()).get(5, TimeUnit.SECONDS);
      SessionEvent.Disconnected gone = events.next(SessionEvent.Disconnected.class);
      assertThat(gone.reason()).isEqualTo(CloseReason.LOCAL);
      goneId = gone.peer().id();

      InputStream in = board.getInputStream();
      OutputStream out = board.getOutputStream();
      for (int i = 0; i < 20; i++) {
        int n = in.read(new byte[128]);
        assertThat(n).isEqualTo(-1);
        try {
          out.write(utf8("I got:"));
          out.write(new byte[0]);
        } catch (SocketException expectedAfterReset) {
          break;
        }
      }
    }
    try (Socket next = connectBoard()) {
      SessionEvent.Connected again = events.skipTo(SessionEvent.Connected.class);
      events.receiveText("Hello WalnutPi!");
      server.send(again.peer().id(), utf8("still here")).get(5, TimeUnit.SECONDS);
      assertThat(readText(next, "still here")).isEqualTo("still here");
      assertThatThrownBy(() -> server.send(goneId, utf8("x")).get(5, TimeUnit.SECONDS))
          .cause()
          .hasMessage("peer #" + goneId + " is not connected; pick one of #" + again.peer().id());
    }
    assertThat(server.state()).isEqualTo(SessionState.OPEN);
  }

  @Test
  void echoWithPrefixAnswersEveryChunk() throws Exception {
    server.setAutoActions(AutoActions.echo(utf8("I got:")));
    try (Socket board = connectBoard()) {
      assertThat(readText(board, "I got:Hello WalnutPi!")).isEqualTo("I got:Hello WalnutPi!");
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> server.peers().isEmpty());
    assertThat(server.counters().bytesOut()).isEqualTo(6L + GREETING.length);
  }

  @Test
  void replyRuleMatchesAcrossSplitReads() throws Exception {
    server.setAutoActions(
        AutoActions.NONE.withReplyRules(
            java.util.List.of(
                ReplyRule.regex(
                    "temp=\\d+;", java.nio.charset.StandardCharsets.UTF_8, utf8("OK\n")))));
    try (Socket board = connectBoard()) {
      OutputStream out = board.getOutputStream();
      out.write(utf8("temp=2"));
      out.flush();
      events.skipTo(SessionEvent.Received.class);
      out.write(utf8("5;temp=26;"));
      assertThat(readText(board, "OK\nOK\n")).isEqualTo("OK\nOK\n");
    }
  }

  private Socket connectBoard() throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    s.getOutputStream().write(GREETING);
    return s;
  }
}
