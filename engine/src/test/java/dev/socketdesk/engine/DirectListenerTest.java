package dev.socketdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.testing.EventRecorder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A direct listener gets a connection's traffic events on the network thread, as they happen, and
 * its sends there write at once: a client answers every echo from inside its listener.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DirectListenerTest {

  /** What a direct listener saw: the event and the thread it came on. */
  private record Seen(SessionEvent event, String thread) {}

  @Test
  void trafficEventsArriveOnTheNetworkThreadAndAnswersGoOutFromThere() throws Exception {
    try (Engine engine = Engine.create(1)) {
      Session server =
          engine.tcpServer(
              TcpServerConfig.listen("127.0.0.1", 0).withActions(AutoActions.echo(new byte[0])));
      int port = server.open().get(10, TimeUnit.SECONDS).getPort();
      Session client = engine.tcpClient(TcpClientConfig.connect(new HostPort("127.0.0.1", port)));
      LinkedBlockingQueue<Seen> direct = new LinkedBlockingQueue<>();
      CompletableFuture<Integer> answered = new CompletableFuture<>();
      byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
      int[] left = {100};
      client.addDirectListener(
          event -> {
            direct.add(new Seen(event, Thread.currentThread().getName()));
            if (event instanceof SessionEvent.Received r && r.data().length > 0) {
              // Each echo of 4 bytes may come in pieces; answer once per full echo.
              if (r.data()[r.data().length - 1] == 'g' && --left[0] > 0) {
                client.send(ping);
              } else if (left[0] == 0) {
                answered.complete(left[0]);
              }
            }
          });
      EventRecorder queued = new EventRecorder();
      client.addListener(queued);
      client.open().get(10, TimeUnit.SECONDS);
      client.send(ping);

      assertThat(answered.get(10, TimeUnit.SECONDS)).isZero();
      client.close().get(10, TimeUnit.SECONDS);
      assertThat(queued.skipTo(SessionEvent.Closed.class)).isNotNull();

      assertThat(direct)
          .isNotEmpty()
          .allSatisfy(
              seen -> {
                assertThat(seen.thread()).startsWith("socketdesk-io");
                assertThat(seen.event())
                    .isInstanceOfAny(
                        SessionEvent.Connected.class,
                        SessionEvent.Received.class,
                        SessionEvent.Sent.class,
                        SessionEvent.Disconnected.class);
              });
      assertThat(direct.peek().event()).isInstanceOf(SessionEvent.Connected.class);
      assertThat(direct.stream().filter(s -> s.event() instanceof SessionEvent.Sent).count())
          .isEqualTo(100);
    }
  }
}
