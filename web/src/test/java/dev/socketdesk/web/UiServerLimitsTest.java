package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10, part 2: body limits per route, the page cap, the header deadline, no h2c. */
class UiServerLimitsTest {
  @TempDir Path config;

  @Test
  @Timeout(60)
  void aFileTakesARawBodyWhateverItsContentType() throws Exception {
    try (UiHarness ui = new UiHarness(config);
        java.net.ServerSocket board = new java.net.ServerSocket(0, 1, loopback())) {
      int id =
          ui.create(
              new JsonObject()
                  .put("type", "tcp-client")
                  .put("remote", "127.0.0.1:" + board.getLocalPort()));
      try (Socket accepted = board.accept()) {
        accepted.setSoTimeout(10_000);
        byte[] file = new byte[8192];
        for (int i = 0; i < file.length; i++) {
          file[i] = (byte) (i * 31 + 7);
        }
        UiHarness.Reply sent =
            ui.send(
                HttpRequest.newBuilder(URI.create(ui.base() + "/api/sessions/" + id + "/file"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", ui.origin())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        assertThat(sent.json().getInteger("bytes")).isEqualTo(8192);
        assertThat(accepted.getInputStream().readNBytes(8192)).isEqualTo(file);
      }
    }
  }

  @Test
  @Timeout(60)
  void limitsHoldPerRouteBeforeABodyIsReadAndSayTheRealLimit() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      int id = ui.create(new JsonObject().put("type", "udp").put("localHost", "127.0.0.1"));
      String host = "Host: 127.0.0.1:" + ui.server.port() + "\r\n" + ui.tokenHeader();

      UiHarness.Reply unknown =
          ui.raw("POST /api/nothing/file HTTP/1.1\r\n" + host + "Content-Length: 16777216\r\n");
      assertThat(unknown.status()).isEqualTo(404);

      UiHarness.Reply bigUpload =
          ui.raw(
              "POST /api/sessions/"
                  + id
                  + "/file HTTP/1.1\r\n"
                  + host
                  + "Content-Type: application/x-www-form-urlencoded\r\n"
                  + "Content-Length: 16777217\r\n");
      assertThat(bigUpload.status()).isEqualTo(413);
      assertThat(new JsonObject(bigUpload.body()).getString("error"))
          .isEqualTo("the upload is larger than 16 MiB; send a smaller file or split it");

      UiHarness.Reply bigJson =
          ui.raw(
              "POST /api/sessions/"
                  + id
                  + "/send HTTP/1.1\r\n"
                  + host
                  + "Content-Type: application/json\r\nContent-Length: 2097153\r\n");
      assertThat(bigJson.status()).isEqualTo(413);
      assertThat(new JsonObject(bigJson.body()).getString("error"))
          .isEqualTo(
              "the request body is larger than 2 MiB, the limit for JSON requests;"
                  + " send less data at once or send a file");

      UiHarness.Reply bigEmpty =
          ui.raw(
              "POST /api/sessions/"
                  + id
                  + "/reset HTTP/1.1\r\n"
                  + host
                  + "Content-Type: application/json\r\nContent-Length: 5000\r\n");
      assertThat(bigEmpty.status()).isEqualTo(413);
      assertThat(new JsonObject(bigEmpty.body()).getString("error"))
          .isEqualTo("the request body is larger than 4 KiB; this request takes no data");

      byte[] json = new byte[2 * 1024 * 1024 + 1];
      Arrays.fill(json, (byte) ' ');
      UiHarness.Reply streamed =
          ui.send(
              HttpRequest.newBuilder(URI.create(ui.base() + "/api/sessions/" + id + "/send"))
                  .header("Content-Type", "application/json")
                  .header("Origin", ui.origin())
                  .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
      assertThat(streamed.status()).isEqualTo(413);
      assertThat(streamed.error()).startsWith("the request body is larger than 2 MiB");
    }
  }

  @Test
  @Timeout(60)
  void http2CleartextIsOff() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      UiHarness.Reply r =
          ui.raw(
              "GET /api/state HTTP/1.1\r\nHost: 127.0.0.1:"
                  + ui.server.port()
                  + "\r\n"
                  + ui.tokenHeader()
                  + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n");
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.json().getString("type")).isEqualTo("hello");
    }
  }

  @Test
  @Timeout(60)
  void pagesBeyondTheCapAreRefusedWithAMessage() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      List<UiHarness.PageSocket> pages = new ArrayList<>();
      try {
        for (int i = 0; i < 20; i++) {
          UiHarness.PageSocket p = ui.page();
          pages.add(p);
          p.next(m -> m.getString("type").equals("hello"));
        }
        UiHarness.PageSocket extra = ui.page();
        pages.add(extra);
        JsonObject refused = extra.next(m -> true);
        assertThat(refused.getString("type")).isEqualTo("refused");
        assertThat(refused.getString("error"))
            .isEqualTo(
                "this SocketDesk already serves 20 pages, its limit;"
                    + " close another SocketDesk tab or window and reload");
        pages.remove(0).close();
        UiHarness.PageSocket again =
            org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> helloOrNull(ui, pages), p -> p != null);
        assertThat(again).isNotNull();
      } finally {
        pages.forEach(UiHarness.PageSocket::close);
      }
    }
  }

  /** A new page that got its hello, or null (closed again) when it was refused. */
  private static UiHarness.PageSocket helloOrNull(UiHarness ui, List<UiHarness.PageSocket> pages)
      throws Exception {
    UiHarness.PageSocket p = ui.page();
    pages.add(p);
    JsonObject first = p.next(m -> true);
    if (first.getString("type").equals("hello")) {
      return p;
    }
    pages.remove(p);
    p.close();
    return null;
  }

  @Test
  @Timeout(60)
  void aRequestHeadThatDoesNotArriveInTimeClosesTheConnection() throws Exception {
    try (UiHarness ui = new UiHarness(config);
        Socket slow = new Socket()) {
      slow.connect(new InetSocketAddress("127.0.0.1", ui.server.port()), 5000);
      slow.setSoTimeout(15_000);
      slow.getOutputStream()
          .write(
              ("GET /api/state HTTP/1.1\r\nHost: 127.0.0.1:" + ui.server.port() + "\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      long start = System.nanoTime();
      assertThat(readToEnd(slow.getInputStream())).isEmpty();
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis).isBetween(4_000L, 9_000L);
    }
  }

  @Test
  @Timeout(60)
  void connectionsPerClientAddressAreCapped() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      List<Socket> held = new ArrayList<>();
      try {
        for (int i = 0; i < 128; i++) {
          held.add(connect(ui, "127.0.0.3"));
        }
        assertThat(ui.get("/api/state").status())
            .as("another address is not affected")
            .isEqualTo(200);
        Socket refused = connect(ui, "127.0.0.3");
        held.add(refused);
        refused.setSoTimeout(5_000);
        assertThat(readToEnd(refused.getInputStream())).isEmpty();
        held.remove(0).close();
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(5))
            .until(() -> stateFrom(ui, "127.0.0.3") == 200);
      } finally {
        for (Socket s : held) {
          s.close();
        }
      }
    }
  }

  private static int stateFrom(UiHarness ui, String source) throws IOException {
    try (Socket s = connect(ui, source)) {
      s.setSoTimeout(5_000);
      s.getOutputStream()
          .write(
              ("GET /api/state HTTP/1.1\r\nHost: 127.0.0.1:"
                      + ui.server.port()
                      + "\r\n"
                      + ui.tokenHeader()
                      + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      String text = new String(readToEnd(s.getInputStream()), StandardCharsets.ISO_8859_1);
      return text.length() < 12 ? -1 : Integer.parseInt(text.substring(9, 12));
    }
  }

  static Socket connect(UiHarness ui, String source) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(source, 0));
    s.connect(new InetSocketAddress("127.0.0.1", ui.server.port()), 5000);
    return s;
  }

  /** Everything until the peer closes; a reset counts as closed. */
  static byte[] readToEnd(InputStream in) throws IOException {
    try {
      return in.readAllBytes();
    } catch (java.net.SocketException reset) {
      return new byte[0];
    }
  }

  private static java.net.InetAddress loopback() throws IOException {
    return java.net.InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
  }
}
