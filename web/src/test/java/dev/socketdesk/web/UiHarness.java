package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.Engine;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

/** A UI server on 127.0.0.1, port 0, with an engine and a private config dir, plus HTTP helpers. */
final class UiHarness implements AutoCloseable {
  final Engine engine = Engine.create(2);
  final UiServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  UiHarness(Path configDir) {
    this(configDir, "127.0.0.1", null);
  }

  UiHarness(Path configDir, String host, String token) {
    server =
        UiServer.builder(engine)
            .host(host)
            .port(0)
            .token(token)
            .configDir(configDir)
            .build()
            .start();
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
  }

  Reply get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
  }

  Reply post(String path, JsonObject body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/json")
            .header("Origin", origin())
            .POST(HttpRequest.BodyPublishers.ofString(body.encode())));
  }

  Reply put(String path, JsonObject body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/json")
            .header("Origin", origin())
            .PUT(HttpRequest.BodyPublishers.ofString(body.encode())));
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
