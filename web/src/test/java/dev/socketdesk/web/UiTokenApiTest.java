package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socketdesk.engine.Engine;
import io.vertx.core.json.JsonObject;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The token rules, tried with plain HTTP clients on loopback. */
class UiTokenApiTest {
  @TempDir Path config;

  private static HttpResponse<String> get(HttpClient client, String url, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int handshakeStatus(HttpClient client, String url, String... headers) {
    WebSocket.Builder b = client.newWebSocketBuilder().header("Origin", originOf(url));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      WebSocket ws =
          b.buildAsync(URI.create(url), new WebSocket.Listener() {}).get(10, TimeUnit.SECONDS);
      ws.abort();
      return 101;
    } catch (Exception e) {
      if (e.getCause() instanceof WebSocketHandshakeException h) {
        return h.getResponse().statusCode();
      }
      throw new AssertionError("WebSocket to " + url + " failed: " + e, e);
    }
  }

  private static String originOf(String wsUrl) {
    URI u = URI.create(wsUrl);
    return "http://" + u.getHost() + ":" + u.getPort();
  }

  @Test
  @Timeout(30)
  void aTokenIsRequiredOnLoopbackByDefault() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      String token = ui.server.token();
      assertThat(token).matches("[0-9a-f]{32}");
      assertThat(ui.server.url())
          .isEqualTo("http://127.0.0.1:" + ui.server.port() + "/?token=" + token);
      HttpClient plain = HttpClient.newHttpClient();
      HttpResponse<String> none = get(plain, ui.base() + "/api/state");
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(new JsonObject(none.body()).getString("error"))
          .isEqualTo(
              "this SocketDesk needs a token; open the URL with ?token=... that SocketDesk"
                  + " printed at start");
      assertThat(get(plain, ui.base() + "/").statusCode()).isEqualTo(401);
      assertThat(get(plain, ui.base() + "/api/state?token=" + "0".repeat(32)).statusCode())
          .isEqualTo(401);
      assertThat(get(plain, ui.base() + "/api/state", "X-SocketDesk-Token", token).statusCode())
          .isEqualTo(200);
      String ws = "ws://127.0.0.1:" + ui.server.port() + "/ws";
      assertThat(handshakeStatus(plain, ws)).isEqualTo(401);
      assertThat(handshakeStatus(plain, ws + "?token=" + token)).isEqualTo(101);
    }
    try (Engine engine = Engine.create(1);
        UiServer other = UiServer.builder(engine).configDir(config).build()) {
      assertThat(other.token()).matches("[0-9a-f]{32}");
    }
  }

  @Test
  @Timeout(30)
  void aLoopbackAddressOtherThan127001NeedsTheTokenToo() throws Exception {
    try (UiHarness ui = new UiHarness(config, "127.0.0.2", null)) {
      HttpResponse<String> none =
          get(HttpClient.newHttpClient(), "http://127.0.0.2:" + ui.server.port() + "/api/state");
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(ui.server.url()).startsWith("http://127.0.0.2:").contains("?token=");
    }
  }

  @Test
  @Timeout(30)
  void theTokenInTheQuerySetsThePerPortCookieWhichThenWorks() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      String token = ui.server.token();
      String name = "socketdesk-token-" + ui.server.port();
      HttpClient plain = HttpClient.newHttpClient();
      HttpResponse<String> first = get(plain, ui.server.url());
      assertThat(first.statusCode()).isEqualTo(200);
      List<HttpCookie> set =
          HttpCookie.parse(first.headers().firstValue("Set-Cookie").orElseThrow());
      assertThat(set).hasSize(1);
      assertThat(set.get(0).getName()).isEqualTo(name);
      assertThat(set.get(0).getValue()).isEqualTo(token);
      assertThat(set.get(0).isHttpOnly()).isTrue();
      assertThat(first.headers().firstValue("Set-Cookie").orElseThrow())
          .containsIgnoringCase("SameSite=Strict")
          .contains("Path=/");
      String cookie = name + "=" + token;
      assertThat(get(plain, ui.base() + "/api/state", "Cookie", cookie).statusCode())
          .isEqualTo(200);
      assertThat(get(plain, ui.base() + "/", "Cookie", cookie).statusCode()).isEqualTo(200);
      assertThat(
              handshakeStatus(
                  plain, "ws://127.0.0.1:" + ui.server.port() + "/ws", "Cookie", cookie))
          .isEqualTo(101);
      String otherPort = "socketdesk-token-" + (ui.server.port() + 1) + "=" + token;
      assertThat(get(plain, ui.base() + "/api/state", "Cookie", otherPort).statusCode())
          .isEqualTo(401);
      assertThat(
              get(plain, ui.base() + "/api/state", "Cookie", "socketdesk_token=" + token)
                  .statusCode())
          .isEqualTo(401);
    }
  }

  @Test
  @Timeout(30)
  void twoUisOnTwoPortsDoNotShareTheirCookies() throws Exception {
    try (UiHarness a = new UiHarness(config.resolve("a"));
        UiHarness b = new UiHarness(config.resolve("b"))) {
      CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
      HttpClient browser = HttpClient.newBuilder().cookieHandler(jar).build();
      assertThat(get(browser, a.server.url()).statusCode()).isEqualTo(200);
      assertThat(get(browser, a.base() + "/api/state").statusCode()).isEqualTo(200);
      assertThat(get(browser, b.base() + "/api/state").statusCode()).isEqualTo(401);
      assertThat(get(browser, b.server.url()).statusCode()).isEqualTo(200);
      assertThat(get(browser, b.base() + "/api/state").statusCode()).isEqualTo(200);
      assertThat(get(browser, a.base() + "/api/state").statusCode()).isEqualTo(200);
      assertThat(jar.getCookieStore().getCookies())
          .extracting(HttpCookie::getName)
          .containsExactlyInAnyOrder(
              "socketdesk-token-" + a.server.port(), "socketdesk-token-" + b.server.port());
    }
  }

  @Test
  @Timeout(30)
  void noTokenWorksOnLoopbackOnly() throws Exception {
    try (UiHarness ui = new UiHarness(config, b -> b.noToken())) {
      assertThat(ui.server.token()).isNull();
      assertThat(ui.server.url()).isEqualTo("http://127.0.0.1:" + ui.server.port() + "/");
      assertThat(get(HttpClient.newHttpClient(), ui.base() + "/api/state").statusCode())
          .isEqualTo(200);
    }
    try (Engine engine = Engine.create(1)) {
      UiServer wide = UiServer.builder(engine).host("0.0.0.0").noToken().configDir(config).build();
      assertThatThrownBy(wide::start)
          .isInstanceOf(UiServerException.class)
          .hasMessageContaining("127.0.0.0/8, ::1");
    }
  }

  @Test
  @Timeout(30)
  void weakTokensAreRefusedNamingTheMinimum() {
    try (Engine engine = Engine.create(1)) {
      for (String weak :
          new String[] {"", "   ", "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t", "fifteen-chars!!"}) {
        assertThatThrownBy(() -> UiServer.builder(engine).token(weak))
            .as("'%s'", weak)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("16 to 256 printable ASCII characters")
            .hasMessageNotContaining("\n");
      }
      assertThatThrownBy(() -> UiServer.builder(engine).token("sixteen chars ok"))
          .hasMessageContaining("position 8");
      assertThat(UiServer.tokenProblem("fifteen-chars!!"))
          .isEqualTo(
              "the token is too short (15 characters, the minimum is 16); use 16 to 256 printable"
                  + " ASCII characters without spaces");
      assertThat(UiServer.tokenProblem("sixteen-chars-ok")).isNull();
    }
  }

  @Test
  @Timeout(30)
  void elevenWrongTokensWithinASecondAreAnswered429UntilTheSecondPasses() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      HttpClient plain = HttpClient.newHttpClient();
      String wrong = ui.base() + "/api/state?token=" + "f".repeat(32);
      long start = System.nanoTime();
      for (int i = 1; i <= UiServer.MAX_TOKEN_FAILURES; i++) {
        assertThat(get(plain, wrong).statusCode()).as("try %d", i).isEqualTo(401);
      }
      HttpResponse<String> eleventh = get(plain, wrong);
      HttpResponse<String> right = get(plain, ui.server.url());
      long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(elapsedMs).as("the tries must fit in the one-second window").isLessThan(1000);
      assertThat(eleventh.statusCode()).isEqualTo(429);
      assertThat(eleventh.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(new JsonObject(eleventh.body()).getString("error"))
          .startsWith("too many wrong tokens from this address (10 in a second)");
      assertThat(right.statusCode()).as("a throttled client cannot test tokens").isEqualTo(429);
      assertThat(get(plain, ui.base() + "/api/state").statusCode())
          .as("no token at all is not a try")
          .isEqualTo(401);
      assertThat(ui.get("/api/state").status())
          .as("the cookie carries the token, and this is the same loopback client")
          .isEqualTo(429);
      Awaitility.await()
          .atMost(5, TimeUnit.SECONDS)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> get(plain, ui.server.url()).statusCode() == 200);
      assertThat(ui.get("/api/state").status()).isEqualTo(200);
    }
  }

  @Test
  @Timeout(30)
  void aMalformedHostHeaderIs400() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      int port = ui.server.port();
      for (String host :
          new String[] {
            "127.0.0.1:+" + port,
            "",
            "a@127.0.0.1:" + port,
            "127.0.0.1:",
            "127.0.0.1:" + port + ":1",
            "[::1:" + port,
            "::1:" + port,
            "127.0.0.1:0" + port + "0",
            "127.0.0.1:99999",
            "127.0.0.1:-1"
          }) {
        UiHarness.Reply r =
            ui.raw("GET /api/state HTTP/1.1\r\nHost: " + host + "\r\n" + ui.tokenHeader());
        assertThat(r.status()).as("Host: '%s'", host).isEqualTo(400);
        assertThat(r.json().getString("field")).isEqualTo("Host");
        assertThat(r.error()).as(host).contains("malformed");
      }
      UiHarness.Reply ok =
          ui.raw("GET /api/state HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n" + ui.tokenHeader());
      assertThat(ok.status()).isEqualTo(200);
    }
  }
}
