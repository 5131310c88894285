package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The New session form's TLS switch and WebSocket types, through the HTTP API and page socket. */
class UiTlsWebSocketApiTest {
  @TempDir Path config;

  @Test
  @Timeout(60)
  void tlsWebSocketServerAndAnInsecureWssClientTalk() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      UiHarness.PageSocket page = ui.page();
      page.next(m -> m.getString("type").equals("hello"));
      int port;
      try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
        port = free.getLocalPort();
      }
      int server =
          ui.create(
              new JsonObject()
                  .put("type", "ws-server")
                  .put("localHost", "127.0.0.1")
                  .put("localPort", port)
                  .put("path", "/ws")
                  .put("tls", true));
      List<JsonObject> lines = UiServerApiTest.awaitLine(page, server, "SHA-256");
      assertThat(lines).anyMatch(l -> String.valueOf(l.getString("x")).startsWith("certificate: "));

      int client =
          ui.create(
              new JsonObject()
                  .put("type", "ws-client")
                  .put("url", "wss://127.0.0.1:" + port + "/ws")
                  .put("insecure", true));
      // The page streams the log of one tab at a time; the server's shows the client arrive.
      UiServerApiTest.awaitLine(page, server, "websocket: WebSocket /ws");
      UiHarness.Reply sent =
          ui.post("/api/sessions/" + client + "/send", new JsonObject().put("data", "hi ws"));
      assertThat(sent.status()).isEqualTo(200);
      UiServerApiTest.awaitLine(page, server, "hi ws");
    }
  }

  @Test
  @Timeout(30)
  void badWebSocketSettingsAre400s() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      UiHarness.Reply url =
          ui.post(
              "/api/sessions", new JsonObject().put("type", "ws-client").put("url", "http://x/"));
      assertThat(url.status()).isEqualTo(400);
      assertThat(url.error()).contains("is not a WebSocket URL");
      UiHarness.Reply path =
          ui.post("/api/sessions", new JsonObject().put("type", "ws-server").put("path", "ws"));
      assertThat(path.status()).isEqualTo(400);
      assertThat(path.error()).contains("starts with /");
    }
  }
}
