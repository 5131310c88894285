package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ws-server} and {@code ws-client}: messages with their kind, pipes, typed commands. */
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class WebSocketCliTest {

  @Test
  void pipedClientSendsClosesWith1000AndPrintsTheEcho() {
    try (CliRun server =
        CliRun.interactive(
            "ws-server",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--path",
            "/ws",
            "--echo",
            "--json",
            "--input",
            "lines")) {
      int port = server.listeningPort();
      CliRun client =
          CliRun.piped(
              "hello board".getBytes(StandardCharsets.UTF_8),
              "ws-client",
              "ws://127.0.0.1:" + port + "/ws",
              "--json");
      assertThat(client.exitCode()).isEqualTo(0);
      JsonNode echo =
          client.allLines().stream()
              .map(OutputLines::json)
              .filter(j -> j.path("event").asText().equals("received"))
              .findFirst()
              .orElseThrow();
      assertThat(echo.path("kind").asText()).isEqualTo("text");
      assertThat(echo.path("text").asText()).isEqualTo("hello board");
      assertThat(client.allLines()).anyMatch(l -> l.contains("close sent: 1000 (normal closure)"));
      JsonNode received = server.event("received");
      assertThat(received.path("kind").asText()).isEqualTo("text");
      assertThat(
              server
                  .event("notice", n -> n.path("kind").asText().equals("close"))
                  .path("message")
                  .asText())
          .isEqualTo("close received: 1000 (normal closure)");
    }
  }

  @Test
  void quitClosesWith1000AndTheServersSentLinesNameTheirKind() {
    try (CliRun server =
        CliRun.interactive(
            "ws-server", "--bind", "127.0.0.1", "--port", "0", "--echo", "--input", "lines")) {
      java.util.regex.Matcher listening =
          java.util.regex.Pattern.compile("127\\.0\\.0\\.1:(\\d+)")
              .matcher(server.line(l -> l.contains("127.0.0.1:")));
      assertThat(listening.find()).isTrue();
      int port = Integer.parseInt(listening.group(1));
      try (CliRun client =
          CliRun.interactive(
              "ws-client", "ws://127.0.0.1:" + port + "/", "--json", "--input", "lines")) {
        client.event("connected");
        client.type("hi");
        assertThat(server.line(l -> l.contains(" TX "))).contains(" TX text 2 B: hi");
        client.type("/quit");
        assertThat(server.line(l -> l.contains("close received")))
            .as("/quit says goodbye like the end of piped input does")
            .endsWith("close received: 1000 (normal closure)");
        assertThat(client.exitCode()).isZero();
      }
    }
  }

  @Test
  void typedCloseWithACodeAndPing() {
    try (CliRun server =
        CliRun.interactive(
            "ws-server", "--bind", "127.0.0.1", "--port", "0", "--json", "--input", "lines")) {
      int port = server.listeningPort();
      try (CliRun client =
          CliRun.interactive("ws-client", "ws://127.0.0.1:" + port + "/", "--input", "lines")) {
        client.line(l -> l.contains("connected"));
        server.event("connected");
        client.type("/ping");
        assertThat(client.line(l -> l.contains("pong received"))).contains("#1");
        client.type("/close 4000 done here");
        assertThat(
                server
                    .event("notice", n -> n.path("kind").asText().equals("close"))
                    .path("message")
                    .asText())
            .isEqualTo("close received: 4000 \"done here\"");
        client.line(l -> l.contains("closed (closed by us)"));
      }
    }
  }

  @Test
  void badUrlIsAUsageError() {
    CliRun client = CliRun.piped(new byte[0], "ws-client", "http://127.0.0.1:1/");
    assertThat(client.exitCode()).isEqualTo(2);
    assertThat(client.err()).contains("is not a WebSocket URL; use ws://HOST:PORT/PATH");
  }
}
