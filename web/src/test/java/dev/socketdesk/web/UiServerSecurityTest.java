package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socketdesk.engine.Engine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class UiServerSecurityTest {
  @TempDir Path config;

  @Test
  @Timeout(30)
  void servesThePageAndBundledAssetsOnly() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      UiHarness.Reply page = ui.get("/");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("<title>SocketDesk</title>");
      assertThat(ui.get("/vendor/uplot/uPlot.iife.min.js").status()).isEqualTo(200);
      assertThat(ui.get("/js/app.js").body()).contains("WebSocket");
      String host = "Host: 127.0.0.1:" + ui.server.port() + "\r\n" + ui.tokenHeader();
      for (String path :
          new String[] {
            "/../pom.xml",
            "/../../../../etc/passwd",
            "/js/../../socketdesk-ui/index.html",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/js/..%2f..%2fapp.css",
            "/..\\..\\etc\\passwd",
            "/dev/socketdesk/web/UiServer.class",
            "/META-INF/MANIFEST.MF",
            "/nope.html"
          }) {
        UiHarness.Reply r = ui.raw("GET " + path + " HTTP/1.1\r\n" + host);
        assertThat(r.status()).as(path).isEqualTo(404);
        assertThat(r.body()).as(path).doesNotContain("root:").doesNotContain("<project");
      }
    }
  }

  @Test
  @Timeout(30)
  void refusesForeignHostHeaders() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      int port = ui.server.port();
      for (String host :
          new String[] {
            "evil.example:" + port,
            "127.0.0.1:" + (port == 65535 ? 1 : port + 1),
            "localhost",
            "127.0.0.1.evil.example:" + port
          }) {
        UiHarness.Reply r =
            ui.raw("GET /api/state HTTP/1.1\r\nHost: " + host + "\r\n" + ui.tokenHeader());
        assertThat(r.status()).as(host).isEqualTo(403);
      }
      UiHarness.Reply evil = ui.raw("GET / HTTP/1.1\r\nHost: evil.example:" + port + "\r\n");
      assertThat(evil.error()).contains("evil.example").contains("not this SocketDesk");
      for (String host : new String[] {"localhost:" + port, "[::1]:" + port}) {
        assertThat(
                ui.raw("GET /api/state HTTP/1.1\r\nHost: " + host + "\r\n" + ui.tokenHeader())
                    .status())
            .as(host)
            .isEqualTo(200);
      }
    }
  }

  @Test
  @Timeout(30)
  void refusesForeignOriginOnWebSocketAndStateChangingRequests() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      var handshake =
          ui.http
              .newWebSocketBuilder()
              .header("Origin", "http://evil.example")
              .buildAsync(
                  URI.create("ws://127.0.0.1:" + ui.server.port() + "/ws"),
                  new WebSocket.Listener() {});
      assertThatThrownBy(() -> handshake.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(WebSocketHandshakeException.class)
          .satisfies(
              e ->
                  assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                      .isEqualTo(403));
      HttpResponse<String> post =
          ui.http.send(
              HttpRequest.newBuilder(URI.create(ui.base() + "/api/settings"))
                  .header("Origin", "http://evil.example")
                  .PUT(HttpRequest.BodyPublishers.ofString("{\"lang\":\"zh\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(403);
      assertThat(post.body()).contains("cross-site request refused");
      UiHarness.PageSocket page = ui.page();
      assertThat(page.next(m -> m.getString("type").equals("hello")).getJsonArray("tabs"))
          .isEmpty();
      page.close();
    }
  }

  @Test
  @Timeout(30)
  void requiresTheTokenWhenListeningBeyondLoopback() throws Exception {
    String token = "s3cret-token-on-all-addresses";
    try (UiHarness ui = new UiHarness(config, "0.0.0.0", token)) {
      assertThat(ui.server.url()).endsWith("/?token=" + token);
      HttpClient plain = HttpClient.newHttpClient();
      HttpResponse<String> none =
          plain.send(
              HttpRequest.newBuilder(URI.create(ui.base() + "/api/state")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.body()).contains("needs a token");
      assertThat(ui.get("/api/state").status()).isEqualTo(200);
    }
  }

  @Test
  @Timeout(30)
  void refusesToListenBeyondLoopbackWithoutAToken() {
    try (Engine engine = Engine.create(1)) {
      UiServer server =
          UiServer.builder(engine).host("0.0.0.0").port(0).noToken().configDir(config).build();
      assertThatThrownBy(server::start)
          .isInstanceOf(UiServerException.class)
          .hasMessage(
              "listening on 0.0.0.0 needs a token; only loopback addresses (127.0.0.0/8, ::1) may"
                  + " go without one");
    }
  }

  @Test
  @Timeout(30)
  void reportsAPortInUseInOneLine() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      int port = ui.server.port();
      UiServer second =
          UiServer.builder(ui.engine).port(port).configDir(config.resolve("other")).build();
      assertThatThrownBy(second::start)
          .isInstanceOf(UiServerException.class)
          .hasMessage(
              "port "
                  + port
                  + " is already in use on 127.0.0.1; pick another port or stop the program using"
                  + " it")
          .satisfies(e -> assertThat(((UiServerException) e).portInUse()).isTrue());
      assertThat(ui.get("/api/state").status()).isEqualTo(200);
    }
  }
}
