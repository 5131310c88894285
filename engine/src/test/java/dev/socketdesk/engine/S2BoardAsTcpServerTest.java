package dev.socketdesk.engine;

import static dev.socketdesk.engine.Boards.readText;
import static dev.socketdesk.engine.Boards.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.testing.EventRecorder;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** S2: the board binds, listens and accepts; the PC connects as a TCP client. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class S2BoardAsTcpServerTest {

  @Test
  void pcConnectsReceivesAndAnswers() throws Exception {
    try (Engine engine = Engine.create(1);
        ServerSocket board = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Socket> accepted =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  Socket s = board.accept();
                  s.getOutputStream().write(utf8("typed on the board\n"));
                  return s;
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      EventRecorder events = new EventRecorder();
      Session client =
          engine.tcpClient(
              TcpClientConfig.connect(new HostPort("127.0.0.1", board.getLocalPort())));
      client.addListener(events);
      client.open().get(10, TimeUnit.SECONDS);

      events.next(SessionEvent.Listening.class);
      SessionEvent.Connected connected = events.next(SessionEvent.Connected.class);
      assertThat(connected.peer().address().getPort()).isEqualTo(board.getLocalPort());
      assertThat(events.receiveText("typed on the board\n")).endsWith("\n");

      try (Socket boardSide = accepted.get(10, TimeUnit.SECONDS)) {
        client.send(utf8("hello board")).get(5, TimeUnit.SECONDS);
        assertThat(readText(boardSide, "hello board")).isEqualTo("hello board");
        events.next(SessionEvent.Sent.class);

        client.shutdownOutput().get(5, TimeUnit.SECONDS);
        assertThat(boardSide.getInputStream().read()).as("EOF after our half-close").isEqualTo(-1);
        boardSide.getOutputStream().write(utf8("bye"));
        events.receiveText("bye");
      }
      SessionEvent.Disconnected gone = events.next(SessionEvent.Disconnected.class);
      assertThat(gone.reason()).isEqualTo(CloseReason.PEER_CLOSED);
      events.next(SessionEvent.Closed.class);
      events.assertExhausted();
      assertThat(client.state()).isEqualTo(SessionState.CLOSED);
      assertThat(client.counters())
          .isEqualTo(new Counters(22, client.counters().messagesIn(), 11, 1));
    }
  }
}
