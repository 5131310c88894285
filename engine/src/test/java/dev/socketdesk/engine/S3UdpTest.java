package dev.socketdesk.engine;

import static dev.socketdesk.engine.Boards.text;
import static dev.socketdesk.engine.Boards.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.testing.EventRecorder;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * S3: a board's UDP server answers every datagram with {@code hello,i am server}; another board is
 * a UDP client that sends and waits for the answer.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class S3UdpTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void pcSendsToTheBoardServerAndSeesTheSourceOfTheAnswer() throws Exception {
    try (Engine engine = Engine.create(1);
        DatagramSocket board = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
      CompletableFuture<String> boardGot =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  DatagramPacket in = new DatagramPacket(new byte[1024], 1024);
                  board.receive(in);
                  byte[] reply = utf8("hello,i am server");
                  board.send(new DatagramPacket(reply, reply.length, in.getSocketAddress()));
                  return new String(in.getData(), 0, in.getLength(), "UTF-8");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      EventRecorder events = new EventRecorder();
      Session udp =
          engine.udp(
              UdpConfig.bind("127.0.0.1", 0)
                  .withRemote(new HostPort("127.0.0.1", board.getLocalPort())));
      udp.addListener(events);
      int local = udp.open().get(10, TimeUnit.SECONDS).getPort();
      events.next(SessionEvent.Listening.class);

      udp.send(utf8("ping")).get(5, TimeUnit.SECONDS);
      assertThat(boardGot.get(10, TimeUnit.SECONDS)).isEqualTo("ping");
      assertThat(events.next(SessionEvent.Sent.class).peer().address().getPort())
          .isEqualTo(board.getLocalPort());
      SessionEvent.Received answer = events.next(SessionEvent.Received.class);
      assertThat(text(answer.data())).isEqualTo("hello,i am server");
      assertThat(answer.peer().hostPort()).isEqualTo("127.0.0.1:" + board.getLocalPort());
      assertThat(local).isPositive();
      assertThat(udp.counters()).isEqualTo(new Counters(17, 1, 4, 1));
      events.assertExhausted();
    }
  }

  @Test
  void boardClientSendsAndThePcAnswersTheLastSender() throws Exception {
    try (Engine engine = Engine.create(1);
        DatagramSocket board = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
      EventRecorder events = new EventRecorder();
      Session udp = engine.udp(UdpConfig.bind("127.0.0.1", 0));
      udp.addListener(events);
      int port = udp.open().get(10, TimeUnit.SECONDS).getPort();
      events.next(SessionEvent.Listening.class);

      byte[] hello = utf8("hello from the board 你好");
      board.send(new DatagramPacket(hello, hello.length, LOOPBACK, port));
      SessionEvent.Received in = events.next(SessionEvent.Received.class);
      assertThat(in.data()).isEqualTo(hello);
      assertThat(in.peer().address().getPort()).isEqualTo(board.getLocalPort());

      udp.send(utf8("got it")).get(5, TimeUnit.SECONDS);
      DatagramPacket reply = new DatagramPacket(new byte[1024], 1024);
      board.setSoTimeout(5000);
      board.receive(reply);
      assertThat(new String(reply.getData(), 0, reply.getLength(), "UTF-8")).isEqualTo("got it");
      assertThat(udp.peers()).hasSize(1);
    }
  }

  @Test
  void echoAnswersEachDatagramToItsSender() throws Exception {
    try (Engine engine = Engine.create(1);
        DatagramSocket board = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
      Session udp =
          engine.udp(UdpConfig.bind("127.0.0.1", 0).withActions(AutoActions.echo(utf8("echo:"))));
      int port = udp.open().get(10, TimeUnit.SECONDS).getPort();
      board.setSoTimeout(5000);
      for (String msg : new String[] {"one", "two"}) {
        byte[] out = utf8(msg);
        board.send(new DatagramPacket(out, out.length, LOOPBACK, port));
        DatagramPacket reply = new DatagramPacket(new byte[1024], 1024);
        board.receive(reply);
        assertThat(new String(reply.getData(), 0, reply.getLength(), "UTF-8"))
            .isEqualTo("echo:" + msg);
      }
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(5))
          .untilAsserted(() -> assertThat(udp.counters()).isEqualTo(new Counters(6, 2, 16, 2)));
    }
  }
}
