package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The built jar as a user runs it, against plain java.net sockets playing the board. */
@Timeout(60)
class JarEndToEndIT {

  @Test
  void withoutArgumentsTheUiPrintsAUrlWithItsTokenAndThePageOpensFromIt(@TempDir Path home)
      throws Exception {
    try (JarProcess jar = JarProcess.start(Map.of("XDG_CONFIG_HOME", home.toString()))) {
      String line = jar.line(l -> l.startsWith("SocketDesk UI: "));
      Matcher url =
          Pattern.compile("SocketDesk UI: (http://127\\.0\\.0\\.1:(\\d+)/)\\?token=[0-9a-f]{32}")
              .matcher(line);
      assertThat(url.matches()).as(line).isTrue();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(line.substring("SocketDesk UI: ".length())))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<title>SocketDesk</title>");
      HttpResponse<String> without =
          http.send(
              HttpRequest.newBuilder(URI.create(url.group(1) + "api/state")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(without.statusCode()).isEqualTo(401);
      jar.terminate();
      jar.exitCode();
    }
  }

  @Test
  void serverAnswersABoardAndPrintsTheSummaryOnTermination() throws Exception {
    try (JarProcess jar =
        JarProcess.start(
            "tcp-server",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--json",
            "--echo-prefix",
            "I got:",
            "--input",
            "none")) {
      int port = jar.listeningPort();
      try (Socket board = new Socket(InetAddress.getLoopbackAddress(), port)) {
        board.setSoTimeout(10_000);
        board.getOutputStream().write("Hello WalnutPi!".getBytes(StandardCharsets.UTF_8));
        byte[] answer = board.getInputStream().readNBytes(21);
        assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo("I got:Hello WalnutPi!");
        JsonNode connected = jar.event("connected");
        assertThat(connected.path("peer").asText()).isEqualTo("127.0.0.1:" + board.getLocalPort());
        assertThat(connected.path("ts").asText())
            .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)");
        assertThat(jar.event("received").path("text").asText()).isEqualTo("Hello WalnutPi!");
        assertThat(jar.event("sent").path("text").asText()).isEqualTo("I got:Hello WalnutPi!");
      }
      assertThat(jar.event("closed").path("reason").asText()).isEqualTo("peer-closed");
      jar.terminate();
      JsonNode summary = jar.event("summary");
      assertThat(summary.path("bytesIn").asLong()).isEqualTo(15);
      assertThat(summary.path("bytesOut").asLong()).isEqualTo(21);
      assertThat(summary.path("peers").get(0).path("bytesOut").asLong()).isEqualTo(21);
      jar.exitCode();
      assertThat(jar.err()).isEmpty();
    }
  }

  @Test
  void clientFromAPipeSendsHalfClosesPrintsTheAnswerAndExitsZero() throws Exception {
    try (ServerSocket board = new ServerSocket()) {
      board.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      board.setSoTimeout(10_000);
      try (JarProcess jar = JarProcess.start("tcp-client", "127.0.0.1:" + board.getLocalPort())) {
        try (OutputStream stdin = jar.stdin()) {
          stdin.write("hi".getBytes(StandardCharsets.UTF_8));
        }
        try (Socket conn = board.accept()) {
          conn.setSoTimeout(10_000);
          ByteArrayOutputStream got = new ByteArrayOutputStream();
          conn.getInputStream().transferTo(got);
          assertThat(got.toString(StandardCharsets.UTF_8)).isEqualTo("hi");
          conn.getOutputStream().write("I got:hi".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(jar.line(l -> l.contains(" RX ")))
            .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} #1 127\\.0\\.0\\.1:\\d+ RX 8 B: I got:hi");
        assertThat(jar.line(l -> l.contains("summary:")))
            .contains("in 8 B / 1 msg, out 2 B / 1 msg");
        assertThat(jar.exitCode()).isZero();
        assertThat(jar.err()).isEmpty();
      }
    }
  }

  @Test
  void badInputAndRuntimeFailuresExitWithOneLineOnStderr() throws Exception {
    try (JarProcess jar = JarProcess.start("tcp-server", "--port", "70000")) {
      assertThat(jar.exitCode()).isEqualTo(2);
      assertThat(jar.err().strip())
          .isEqualTo("socketdesk: --port 70000 is out of range; use a port from 0 to 65535");
    }
    int closedPort;
    try (ServerSocket closed = new ServerSocket()) {
      closed.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      closedPort = closed.getLocalPort();
    }
    try (JarProcess jar = JarProcess.start("tcp-client", "127.0.0.1:" + closedPort)) {
      assertThat(jar.exitCode()).isEqualTo(1);
      assertThat(jar.err().strip())
          .isEqualTo(
              "socketdesk: connection to 127.0.0.1:"
                  + closedPort
                  + " refused; check that the server is running and listening on that port");
    }
  }

  @Test
  void theJarResolvesFromTheTestHostsFileAsTheTestsDo() {
    assertThat(System.getProperty("jdk.net.hosts.file")).endsWith("/.ci/hosts");
    try (JarProcess jar = JarProcess.start("tcp-client", "no-such-board.invalid:5000")) {
      assertThat(jar.exitCode()).isEqualTo(1);
      assertThat(jar.err().strip())
          .isEqualTo(
              "socketdesk: unknown host 'no-such-board.invalid'; check the spelling, or use the"
                  + " board's IP address");
    }
  }
}
