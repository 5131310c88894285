package dev.socketdesk.engine;

import static dev.socketdesk.engine.Boards.readText;
import static dev.socketdesk.engine.Boards.text;
import static dev.socketdesk.engine.Boards.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.testing.EventRecorder;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * S4: an echo board (TCP server, SO_REUSEADDR, listen(3)) echoes every chunk, closes on EOF and
 * accepts the next client; another device sends {@code Hello Handbit} and {@code I'am MixNo}
 * alternately. The PC plays either side.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class S4EchoBoardTest {

  @Test
  void pcAsEchoServerClosesOnEofAndAcceptsTheNextClient() throws Exception {
    try (Engine engine = Engine.create(2)) {
      EventRecorder events = new EventRecorder();
      Session server =
          engine.tcpServer(
              TcpServerConfig.listen("127.0.0.1", 0)
                  .withBacklog(3)
                  .withActions(AutoActions.echo(new byte[0])));
      server.addListener(events);
      int port = server.open().get(10, TimeUnit.SECONDS).getPort();

      for (int client = 0; client < 2; client++) {
        try (Socket device = new Socket()) {
          device.connect(new InetSocketAddress("127.0.0.1", port), 5000);
          device.setSoTimeout(5000);
          OutputStream out = device.getOutputStream();
          for (String payload : new String[] {"Hello Handbit", "I'am MixNo", "Hello Handbit"}) {
            out.write(utf8(payload));
            assertThat(readText(device, payload)).isEqualTo(payload);
          }
          device.shutdownOutput();
          assertThat(device.getInputStream().read()).as("server closes after EOF").isEqualTo(-1);
        }
        SessionEvent.Disconnected gone = events.skipTo(SessionEvent.Disconnected.class);
        assertThat(gone.reason()).isEqualTo(CloseReason.PEER_CLOSED);
        assertThat(gone.peer().id()).isEqualTo(client + 1);
      }
      assertThat(server.counters().bytesIn()).isEqualTo(2L * (13 + 10 + 13));
      assertThat(server.counters().bytesOut()).isEqualTo(server.counters().bytesIn());
    }
  }

  @Test
  void pcAsPeriodicClientAlternatesItsPayloadsAgainstTheEchoBoard() throws Exception {
    try (Engine engine = Engine.create(1);
        ServerSocket board = new ServerSocket()) {
      board.setReuseAddress(true);
      board.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 3);
      CompletableFuture<Integer> echoed = CompletableFuture.supplyAsync(() -> echoBoard(board));

      EventRecorder events = new EventRecorder();
      Session client =
          engine.tcpClient(
              TcpClientConfig.connect(new HostPort("127.0.0.1", board.getLocalPort()))
                  .withConnectTimeout(Duration.ofSeconds(5)));
      client.addListener(events);
      client.open().get(10, TimeUnit.SECONDS);
      client
          .startPeriodic(
              new PeriodicSend(
                  List.of(utf8("Hello Handbit"), utf8("I'am MixNo")), Duration.ofMillis(20), 4))
          .get(10, TimeUnit.SECONDS);

      List<String> sent = new ArrayList<>();
      StringBuilder received = new StringBuilder();
      String expected = "Hello HandbitI'am MixNoHello HandbitI'am MixNo";
      while (sent.size() < 4 || received.length() < expected.length()) {
        SessionEvent e = events.next();
        if (e instanceof SessionEvent.Sent s) {
          sent.add(text(s.data()));
        } else if (e instanceof SessionEvent.Received r) {
          received.append(text(r.data()));
        }
      }
      assertThat(sent)
          .containsExactly("Hello Handbit", "I'am MixNo", "Hello Handbit", "I'am MixNo");
      assertThat(received.toString()).isEqualTo(expected);

      client.shutdownOutput().get(5, TimeUnit.SECONDS);
      assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo(expected.length());
      assertThat(events.skipTo(SessionEvent.Disconnected.class).reason())
          .isEqualTo(CloseReason.PEER_CLOSED);
    }
  }

  /** The board's loop: echo every chunk until recv returns 0 bytes, then close. */
  private static int echoBoard(ServerSocket board) {
    try (Socket conn = board.accept()) {
      InputStream in = conn.getInputStream();
      OutputStream out = conn.getOutputStream();
      byte[] buf = new byte[1024];
      int total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        out.write(buf, 0, n);
        total += n;
      }
      return total;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
