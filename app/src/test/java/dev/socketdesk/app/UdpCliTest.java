package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** S3 from the command line: datagrams both ways, with the source address shown. */
@Timeout(60)
class UdpCliTest {

  private static DatagramSocket board() throws Exception {
    DatagramSocket s =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    s.setSoTimeout(10_000);
    return s;
  }

  private static String receive(DatagramSocket s) throws Exception {
    DatagramPacket p = new DatagramPacket(new byte[1024], 1024);
    s.receive(p);
    return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
  }

  @Test
  void showsTheSenderAnswersTheLastSenderAndSendsToAnyAddress() throws Exception {
    try (CliRun cli =
            CliRun.interactive(
                "udp", "--bind", "127.0.0.1", "--port", "0", "--json", "--input", "lines");
        DatagramSocket board = board();
        DatagramSocket other = board()) {
      int port = cli.listeningPort();
      byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
      board.send(
          new DatagramPacket(
              ping, ping.length, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
      JsonNode received = cli.event("received");
      assertThat(received.path("peer").asText()).isEqualTo("127.0.0.1:" + board.getLocalPort());
      assertThat(received.path("text").asText()).isEqualTo("ping");

      cli.type("hello,i am server");
      assertThat(receive(board)).isEqualTo("hello,i am server");

      cli.type("/to 127.0.0.1:" + other.getLocalPort());
      cli.event("info");
      cli.type("to the other");
      assertThat(receive(other)).isEqualTo("to the other");

      cli.type("/quit");
      assertThat(cli.exitCode()).isZero();
      JsonNode summary = cli.event("summary");
      assertThat(summary.path("bytesIn").asLong()).isEqualTo(4);
      assertThat(summary.path("messagesOut").asLong()).isEqualTo(2);
    }
  }

  @Test
  void aTypedDatagramTooLongToSendIsOneErrorLineNamingThePeerOnce() throws Exception {
    try (DatagramSocket board = board();
        CliRun cli =
            CliRun.interactive(
                "udp",
                "--bind",
                "127.0.0.1",
                "--port",
                "0",
                "--to",
                "127.0.0.1:" + board.getLocalPort(),
                "--input",
                "lines")) {
      cli.line(l -> l.contains("listening on"));
      cli.type("a".repeat(70_000));
      cli.type("after");
      assertThat(receive(board)).isEqualTo("after");
      cli.type("/quit");
      assertThat(cli.exitCode()).isZero();
      List<String> errors = cli.allLines().stream().filter(l -> l.contains("error:")).toList();
      assertThat(errors)
          .as(
              "the failed write is the session's error event; the send's failure is not printed too")
          .hasSize(1);
      assertThat(errors.get(0))
          .contains(
              " #1 127.0.0.1:"
                  + board.getLocalPort()
                  + " error: the datagram is too long: UDP carries at most 65,507 bytes");
    }
  }

  @Test
  void pipedDatagramToTheGivenAddressThenWait() throws Exception {
    try (DatagramSocket board = board()) {
      CliRun cli =
          CliRun.piped(
              "hello".getBytes(StandardCharsets.UTF_8),
              "udp",
              "--to",
              "127.0.0.1:" + board.getLocalPort(),
              "--wait",
              "2s",
              "--json");
      DatagramPacket p = new DatagramPacket(new byte[1024], 1024);
      board.receive(p);
      assertThat(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8))
          .isEqualTo("hello");
      byte[] answer = "hello,i am server".getBytes(StandardCharsets.UTF_8);
      board.send(new DatagramPacket(answer, answer.length, p.getSocketAddress()));
      JsonNode received = cli.event("received");
      assertThat(received.path("text").asText()).isEqualTo("hello,i am server");
      assertThat(received.path("peer").asText()).isEqualTo("127.0.0.1:" + board.getLocalPort());
      assertThat(cli.exitCode()).isZero();
    }
  }
}
