package dev.socketdesk.app;

import static dev.socketdesk.app.CliParsingTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.app.CliParsingTest.Result;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runtime failures: exit code 1 and one line on stderr that names the value and the fix. */
@Timeout(30)
class CliNetworkErrorsTest {
  private static final String NL = System.lineSeparator();

  @Test
  void portInUseNamesThePortAndTheOption() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();
      Result r = run("tcp-server", "--bind", "127.0.0.1", "--port", String.valueOf(port));
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err())
          .isEqualTo(
              "socketdesk: port "
                  + port
                  + " is already in use on 127.0.0.1; pick another with --port or stop the"
                  + " program using it"
                  + NL);
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void simulatedServerPortInUseNamesTheOptionThatTheEngineDoesNot() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();
      Result r =
          run("simulate", "tcp-echo-server", "--bind", "127.0.0.1", "--port", String.valueOf(port));
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err())
          .isEqualTo(
              "socketdesk: port "
                  + port
                  + " is already in use on 127.0.0.1; pick another with --port or stop the"
                  + " program using it"
                  + NL);
    }
  }

  @Test
  void udpPortInUseToo() throws Exception {
    try (DatagramSocket taken =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      int port = taken.getLocalPort();
      Result r = run("udp", "--bind", "127.0.0.1", "--port", String.valueOf(port));
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err())
          .isEqualTo(
              "socketdesk: port "
                  + port
                  + " is already in use on 127.0.0.1; pick another with --port or stop the"
                  + " program using it"
                  + NL);
    }
  }

  @Test
  void unknownHost() {
    Result r = run("tcp-client", "no-such-board.invalid:5000");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "socketdesk: unknown host 'no-such-board.invalid'; check the spelling, or use the"
                + " board's IP address"
                + NL);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void refusedConnection() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket()) {
      closed.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      port = closed.getLocalPort();
    }
    Result r = run("tcp-client", "127.0.0.1:" + port);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "socketdesk: connection to 127.0.0.1:"
                + port
                + " refused; check that the server is running and listening on that port"
                + NL);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void eachRefusedAttemptOfAReconnectingClientIsOneLine() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket()) {
      closed.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      port = closed.getLocalPort();
    }
    try (CliRun cli =
        CliRun.interactive("tcp-client", "127.0.0.1:" + port, "--reconnect", "--input", "lines")) {
      cli.line(l -> l.contains("(attempt 2)"));
      assertThat(cli.allLines().stream().filter(l -> l.contains("refused")))
          .as("one line for each of the two refusals: %s", cli.allLines())
          .hasSize(2)
          .allMatch(l -> l.contains("reconnecting in "));
    }
  }
}
