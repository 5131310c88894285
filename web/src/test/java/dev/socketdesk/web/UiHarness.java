package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.Engine;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A UI server on 127.0.0.1, port 0, with an engine and a private config dir, plus HTTP helpers.
 *
 * <p>{@link #http} keeps cookies, and has opened the printed URL once, as a user would: its
 * requests, WebSockets included, carry the token in the server's cookie. {@link #raw} sends exactly
 * what it is given.
 */
final class UiHarness implements AutoCloseable {
  final Engine engine = Engine.create(2);
  final UiServer server;
  final HttpClient http = cookieClient();

  /** A server with a random token. */
  UiHarness(Path configDir) {
    this(configDir, b -> b);
  }

  /** A server on {@code host} with {@code token} (null: a random one). */
  UiHarness(Path configDir, String host, String token) {
    this(configDir, b -> b.host(host).token(token));
  }

  UiHarness(Path configDir, UnaryOperator<UiServer.Builder> settings) {
    server = settings.apply(UiServer.builder(engine).port(0).configDir(configDir)).build().start();
    if (server.token() != null) {
      try {
        HttpResponse<String> first =
            http.send(
                HttpRequest.newBuilder(URI.create(server.url()))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      } catch (IOException | InterruptedException e) {
        server.close();
        engine.close();
        throw new IllegalStateException("could not open " + server.url(), e);
      }
    }
  }

  /** An HTTP client that keeps cookies, as a browser does. */
  static HttpClient cookieClient() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .build();
  }

  /** The header line that carries the token, for {@link #raw}; empty without a token. */
  String tokenHeader() {
    return server.token() == null ? "" : "X-SocketDesk-Token: " + server.token() + "\r\n";
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  String origin() {
    return base();
  }

  /** A response: status and body. */
  record Reply(int status, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }

    String error() {
      return json().getString("error");
    }

    String field() {
      return json().getString("field");
    }
  }

  Reply get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
  }

  Reply post(String path, JsonObject body) throws IOException, InterruptedException {
    return postText(path, body.encode());
  }

  /** POSTs {@code body} as it is, which need not be valid JSON. */
  Reply postText(String path, String body) throws IOException, InterruptedException {
    return send(json(path).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** PUTs {@code body} as it is, which need not be valid JSON. */
  Reply putText(String path, String body) throws IOException, InterruptedException {
    return send(json(path).PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder json(String path) {
    return HttpRequest.newBuilder(URI.create(base() + path))
        .header("Content-Type", "application/json")
        .header("Origin", origin());
  }

  Reply put(String path, JsonObject body) throws IOException, InterruptedException {
    return putText(path, body.encode());
  }

  Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body());
  }

  /** Opens a session through the API and returns its id. */
  int create(JsonObject spec) throws IOException, InterruptedException {
    Reply r = post("/api/sessions", spec);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().getInteger("id");
  }

  /** Sends a raw HTTP/1.1 request (any Host header) and returns the status line and body. */
  Reply raw(String requestHead) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write((requestHead + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int status = Integer.parseInt(text.substring(9, 12));
      int bodyAt = text.indexOf("\r\n\r\n");
      return new Reply(status, bodyAt < 0 ? "" : text.substring(bodyAt + 4));
    }
  }

  /** A page's WebSocket that queues every message as JSON. */
  PageSocket page() throws Exception {
    PageSocket page = new PageSocket();
    page.ws =
        http.newWebSocketBuilder()
            .header("Origin", origin())
            .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), page)
            .get(10, TimeUnit.SECONDS);
    return page;
  }

  static final class PageSocket implements WebSocket.Listener {
    final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket ws;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(new JsonObject(partial.toString()));
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    /** The next message matching {@code test}, skipping others, within 10 s. */
    JsonObject next(Predicate<JsonObject> test) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (true) {
        long left = deadline - System.nanoTime();
        JsonObject m = messages.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
        if (m == null) {
          throw new AssertionError("no matching page message within 10 s");
        }
        if (test.test(m)) {
          return m;
        }
      }
    }

    void close() {
      ws.abort();
    }
  }

  @Override
  public void close() {
    server.close();
    engine.close();
  }
}
