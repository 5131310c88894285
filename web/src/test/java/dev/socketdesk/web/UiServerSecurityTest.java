package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
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
      String host = "Host: 127.0.0.1:" + ui.server.port() + "\r\n";
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
            "127.0.0.1.evil.example:" + port,
            ""
          }) {
        UiHarness.Reply r = ui.raw("GET /api/state HTTP/1.1\r\nHost: " + host + "\r\n");
        assertThat(r.status()).as(host).isEqualTo(403);
      }
      UiHarness.Reply evil = ui.raw("GET / HTTP/1.1\r\nHost: evil.example:" + port + "\r\n");
      assertThat(evil.error()).contains("evil.example").contains("not this SocketDesk");
      for (String host : new String[] {"localhost:" + port, "[::1]:" + port}) {
        assertThat(ui.raw("GET /api/state HTTP/1.1\r\nHost: " + host + "\r\n").status())
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
    String token = "s3cret-token";
    try (UiHarness ui = new UiHarness(config, "0.0.0.0", token)) {
      assertThat(ui.server.url()).endsWith("/?token=" + token);
      UiHarness.Reply none = ui.get("/api/state");
      assertThat(none.status()).isEqualTo(401);
      assertThat(none.error()).contains("needs a token");
      assertThat(ui.get("/").status()).isEqualTo(401);
      assertThat(ui.get("/api/state?token=wrong").status()).isEqualTo(401);
      HttpResponse<String> withQuery =
          ui.http.send(
              HttpRequest.newBuilder(URI.create(ui.base() + "/?token=" + token)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(withQuery.statusCode()).isEqualTo(200);
      String cookie = withQuery.headers().firstValue("Set-Cookie").orElseThrow();
      assertThat(cookie).startsWith("socketdesk_token=" + token).containsIgnoringCase("HttpOnly");
      HttpResponse<String> withCookie =
          ui.http.send(
              HttpRequest.newBuilder(URI.create(ui.base() + "/api/state"))
                  .header("Cookie", "socketdesk_token=" + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(withCookie.statusCode()).isEqualTo(200);
      HttpResponse<String> withHeader =
          ui.http.send(
              HttpRequest.newBuilder(URI.create(ui.base() + "/api/state"))
                  .header("X-SocketDesk-Token", token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(withHeader.statusCode()).isEqualTo(200);
      var handshake =
          ui.http
              .newWebSocketBuilder()
              .header("Origin", ui.origin())
              .buildAsync(
                  URI.create("ws://127.0.0.1:" + ui.server.port() + "/ws"),
                  new WebSocket.Listener() {});
      assertThatThrownBy(() -> handshake.get(10, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(WebSocketHandshakeException.class)
          .satisfies(
              e ->
                  assertThat(((WebSocketHandshakeException) e).getResponse().statusCode())
                      .isEqualTo(401));
    }
  }

  @Test
  @Timeout(30)
  void refusesToListenBeyondLoopbackWithoutAToken() {
    UiServer server =
        UiServer.builder(dev.socketdesk.engine.Engine.create(1))
            .host("0.0.0.0")
            .port(0)
            .configDir(config)
            .build();
    assertThatThrownBy(server::start)
        .isInstanceOf(UiServerException.class)
        .hasMessage(
            "listening on 0.0.0.0 needs a token; give --token or let SocketDesk generate one");
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
                  + " is already in use on 127.0.0.1; pick another with --port or stop the program"
                  + " using it")
          .satisfies(e -> assertThat(((UiServerException) e).portInUse()).isTrue());
      assertThat(ui.get("/api/state").status()).isEqualTo(200);
    }
  }
}
