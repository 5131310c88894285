package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class UiServerApiTest {
  @TempDir Path config;

  static JsonObject tcpServer(int port) {
    return new JsonObject()
        .put("type", "tcp-server")
        .put("localHost", "127.0.0.1")
        .put("localPort", port);
  }

  static JsonObject tab(JsonObject message, int id) {
    for (Object o : message.getJsonArray("tabs", new JsonArray())) {
      JsonObject t = (JsonObject) o;
      if (t.getInteger("id") == id) {
        return t;
      }
    }
    return null;
  }

  /**
   * Collects log text of tab {@code id} from the page's messages until it contains {@code text}.
   */
  static List<JsonObject> awaitLine(UiHarness.PageSocket page, int id, String text)
      throws InterruptedException {
    List<JsonObject> lines = new ArrayList<>();
    page.next(
        m -> {
          JsonObject t = m.getString("type").equals("batch") ? tab(m, id) : null;
          if (t == null || t.getJsonArray("lines") == null) {
            return false;
          }
          t.getJsonArray("lines").forEach(l -> lines.add((JsonObject) l));
          return lines.stream().anyMatch(l -> String.valueOf(l.getString("x")).contains(text));
        });
    return lines;
  }

  @Test
  @Timeout(60)
  void tcpServerSessionThroughTheApiAndThePageSocket() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      UiHarness.PageSocket page = ui.page();
      page.next(m -> m.getString("type").equals("hello"));
      int id = ui.create(tcpServer(0));
      JsonObject opened = page.next(m -> m.getString("type").equals("tab")).getJsonObject("tab");
      assertThat(opened.getString("state")).isEqualTo("open");
      String local = opened.getString("local");
      int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1));
      try (Socket board = new Socket("127.0.0.1", port)) {
        board.setSoTimeout(10_000);
        board.getOutputStream().write("Hello WalnutPi!".getBytes(StandardCharsets.UTF_8));
        List<JsonObject> lines = awaitLine(page, id, "Hello WalnutPi!");
        JsonObject hello =
            lines.stream().filter(l -> l.getString("d").equals("in")).findFirst().orElseThrow();
        assertThat(hello.getString("p")).startsWith("#1 127.0.0.1:");
        assertThat(hello.getInteger("n")).isEqualTo(15);
        assertThat(java.util.Base64.getDecoder().decode(hello.getString("b")))
            .isEqualTo("Hello WalnutPi!".getBytes(StandardCharsets.UTF_8));

        UiHarness.Reply sent =
            ui.post(
                "/api/sessions/" + id + "/send",
                new JsonObject().put("data", "hi").put("peer", 1).put("lineEnding", "crlf"));
        assertThat(sent.json().getInteger("bytes")).isEqualTo(4);
        assertThat(board.getInputStream().readNBytes(4)).isEqualTo("hi\r\n".getBytes());

        UiHarness.Reply hex =
            ui.post(
                "/api/sessions/" + id + "/send",
                new JsonObject()
                    .put("data", "0x48,0x65 6C")
                    .put("mode", "hex")
                    .put("checksum", "sum8"));
        assertThat(hex.status()).as(hex.body()).isEqualTo(200);
        assertThat(board.getInputStream().readNBytes(4))
            .containsExactly(0x48, 0x65, 0x6C, (0x48 + 0x65 + 0x6C) & 0xFF);

        JsonObject counters =
            page
                .next(
                    m -> {
                      JsonObject t = m.getString("type").equals("batch") ? tab(m, id) : null;
                      return t != null
                          && t.getJsonObject("counters") != null
                          && t.getJsonObject("counters").getLong("bytesOut") == 8;
                    })
                .getJsonArray("tabs")
                .stream()
                .map(JsonObject.class::cast)
                .filter(t -> t.getInteger("id") == id)
                .findFirst()
                .orElseThrow()
                .getJsonObject("counters");
        assertThat(counters.getLong("bytesIn")).isEqualTo(15);
        assertThat(counters.getLong("messagesOut")).isEqualTo(2);

        UiHarness.PageSocket reloaded = ui.page();
        JsonObject state = tab(reloaded.next(m -> m.getString("type").equals("hello")), id);
        assertThat(state.getJsonArray("peers")).hasSize(1);
        assertThat(state.getJsonObject("counters").getLong("bytesIn")).isEqualTo(15);
        assertThat(state.getJsonArray("lines").stream().map(l -> ((JsonObject) l).getString("x")))
            .contains("Hello WalnutPi!");
        reloaded.close();

        UiHarness.Reply kick =
            ui.post("/api/sessions/" + id + "/peers/1/disconnect", new JsonObject());
        assertThat(kick.status()).as(kick.body()).isEqualTo(200);
        InputStream in = board.getInputStream();
        assertThat(in.read()).isEqualTo(-1);
      }
      assertThat(ui.post("/api/sessions/" + id + "/close", new JsonObject()).status())
          .isEqualTo(200);
      assertThat(
              ui.get("/api/state").json().getJsonArray("tabs").getJsonObject(0).getString("state"))
          .isEqualTo("closed");
      page.close();
    }
  }

  @Test
  @Timeout(60)
  void errorsComeBackAsOneLineJson() throws Exception {
    try (UiHarness ui = new UiHarness(config);
        ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      UiHarness.Reply inUse = ui.post("/api/sessions", tcpServer(taken.getLocalPort()));
      assertThat(inUse.status()).isEqualTo(409);
      assertThat(inUse.error()).contains(String.valueOf(taken.getLocalPort())).contains("in use");
      assertThat(inUse.error()).doesNotContain("\n");
      assertThat(ui.get("/api/state").json().getJsonArray("tabs")).isEmpty();

      int id = ui.create(tcpServer(0));
      UiHarness.Reply badHex =
          ui.post(
              "/api/sessions/" + id + "/send",
              new JsonObject().put("data", "4G").put("mode", "hex"));
      assertThat(badHex.status()).isEqualTo(400);
      assertThat(badHex.error()).contains("4G").contains("'G'");

      UiHarness.Reply badType = ui.post("/api/sessions", new JsonObject().put("type", "sctp"));
      assertThat(badType.status()).isEqualTo(400);
      assertThat(badType.error())
          .isEqualTo(
              "type 'sctp' is unknown; use tcp-server, tcp-client, udp, serial, forward, ws-server or ws-client");
      assertThat(ui.post("/api/sessions", tcpServer(70000)).error())
          .contains("70000")
          .contains("out of range");
      assertThat(ui.post("/api/sessions", new JsonObject().put("type", "tcp-client")).error())
          .contains("needs the server's address");
      UiHarness.Reply badJson =
          ui.send(
              HttpRequest.newBuilder(URI.create(ui.base() + "/api/sessions"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{nope")));
      assertThat(badJson.status()).isEqualTo(400);
      assertThat(badJson.error()).isEqualTo("the request body is not valid JSON");
      assertThat(ui.get("/api/sessions/99/nothing").status()).isEqualTo(404);
      UiHarness.Reply missing = ui.post("/api/sessions/99/send", new JsonObject().put("data", "x"));
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.error()).contains("session 99 does not exist");
      UiHarness.Reply badEncoding =
          ui.put("/api/sessions/" + id + "/display", new JsonObject().put("encoding", "XYZ"));
      assertThat(badEncoding.status()).isEqualTo(400);
      assertThat(badEncoding.error()).contains("unknown encoding 'XYZ'");
      UiHarness.Reply badRule =
          ui.put(
              "/api/sessions/" + id + "/auto",
              new JsonObject()
                  .put(
                      "rules",
                      new JsonArray()
                          .add(new JsonObject().put("match", "(").put("response", "x"))));
      assertThat(badRule.status()).isEqualTo(400);
      assertThat(badRule.error()).contains("not a valid regex");

      byte[] big = new byte[(int) UiServer.MAX_UPLOAD_BYTES + 1];
      UiHarness.Reply tooBig =
          ui.send(
              HttpRequest.newBuilder(URI.create(ui.base() + "/api/sessions/" + id + "/file"))
                  .header("Content-Type", "application/octet-stream")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(big)));
      assertThat(tooBig.status()).isEqualTo(413);
      assertThat(tooBig.error())
          .isEqualTo("the upload is larger than 16 MiB; send a smaller file or split it");
      UiHarness.Reply closedSend;
      ui.post("/api/sessions/" + id + "/close", new JsonObject());
      closedSend = ui.post("/api/sessions/" + id + "/send", new JsonObject().put("data", "x"));
      assertThat(closedSend.status()).isEqualTo(409);
      assertThat(closedSend.error()).isEqualTo("the session is not open; press Open first");
    }
  }

  @Test
  @Timeout(60)
  void moreOptionsReachTheEngine() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      UiHarness.PageSocket page = ui.page();
      page.next(m -> m.getString("type").equals("hello"));
      int id = ui.create(tcpServer(0).put("maxClients", "1"));
      JsonObject opened = page.next(m -> m.getString("type").equals("tab")).getJsonObject("tab");
      assertThat(opened.getJsonObject("spec").getInteger("maxClients")).isEqualTo(1);
      String local = opened.getString("local");
      int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1));
      try (Socket first = new Socket("127.0.0.1", port);
          Socket second = new Socket("127.0.0.1", port)) {
        second.setSoTimeout(10_000);
        assertThat(second.getInputStream().read()).as("refused beyond the limit").isEqualTo(-1);
        awaitLine(page, id, "the client limit (1) is reached");
        assertThat(first.isClosed()).isFalse();
      }

      assertThat(ui.post("/api/sessions", tcpServer(0).put("maxClients", "-1")).error())
          .isEqualTo("maxClients -1 is out of range; use 0 to 1000000");
      JsonObject client =
          new JsonObject().put("type", "tcp-client").put("remote", "127.0.0.1:" + port);
      assertThat(ui.post("/api/sessions", client.copy().put("connectTimeoutS", "abc")).error())
          .isEqualTo(
              "connectTimeoutS 'abc' is not a duration; use a number with ms, s, m or h, e.g. 500ms or"
                  + " 2s");

      JsonObject udp =
          new JsonObject()
              .put("type", "udp")
              .put("localHost", "127.0.0.1")
              .put("localPort", 0)
              .put("broadcast", true)
              .put("multicast", "239.255.42.99")
              .put("multicastInterface", "lo");
      int udpId = ui.create(udp);
      JsonObject udpTab =
          page.next(
                  m ->
                      m.getString("type").equals("tab")
                          && m.getJsonObject("tab").getInteger("id") == udpId
                          && m.getJsonObject("tab").getString("state").equals("open"))
              .getJsonObject("tab");
      assertThat(udpTab.getJsonObject("spec").getString("multicast")).isEqualTo("239.255.42.99");
      assertThat(udpTab.getJsonObject("spec").getBoolean("broadcast")).isTrue();
      UiHarness.Reply notMulticast =
          ui.post("/api/sessions", udp.copy().put("multicast", "10.1.2.3"));
      assertThat(notMulticast.error())
          .isEqualTo("10.1.2.3 is not a multicast address; use one in 224.0.0.0/4 or ff00::/8");
    }
  }

  @Test
  @Timeout(60)
  void tcpClientSendsAFileAndUdpAnswersTheSender() throws Exception {
    try (UiHarness ui = new UiHarness(config);
        ServerSocket board = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        DatagramSocket udpBoard = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      int client =
          ui.create(
              new JsonObject()
                  .put("type", "tcp-client")
                  .put("remote", "127.0.0.1:" + board.getLocalPort()));
      try (Socket accepted = board.accept()) {
        accepted.setSoTimeout(10_000);
        byte[] file = new byte[300_000];
        new java.util.Random(7).nextBytes(file);
        UiHarness.Reply r =
            ui.send(
                HttpRequest.newBuilder(URI.create(ui.base() + "/api/sessions/" + client + "/file"))
                    .header("Content-Type", "application/octet-stream")
                    .header("Origin", ui.origin())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(file)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(accepted.getInputStream().readNBytes(file.length)).isEqualTo(file);
      }

      udpBoard.setSoTimeout(10_000);
      int udp =
          ui.create(
              new JsonObject()
                  .put("type", "udp")
                  .put("localHost", "127.0.0.1")
                  .put("localPort", 0)
                  .put("remote", "127.0.0.1:" + udpBoard.getLocalPort()));
      ui.post("/api/sessions/" + udp + "/send", new JsonObject().put("data", "ping"));
      DatagramPacket packet = new DatagramPacket(new byte[64], 64);
      udpBoard.receive(packet);
      assertThat(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8))
          .isEqualTo("ping");
      UiHarness.PageSocket page = ui.page();
      page.next(m -> m.getString("type").equals("hello"));
      byte[] gbk = "你好，世界".getBytes(Charset.forName("GBK"));
      udpBoard.send(new DatagramPacket(gbk, gbk.length, packet.getSocketAddress()));
      awaitLine(page, udp, "\\x");
      UiHarness.Reply display =
          ui.put("/api/sessions/" + udp + "/display", new JsonObject().put("encoding", "GBK"));
      assertThat(display.status()).isEqualTo(200);
      JsonObject rerendered =
          page.next(
                  m ->
                      m.getString("type").equals("tab")
                          && m.getJsonObject("tab").getInteger("id") == udp)
              .getJsonObject("tab");
      assertThat(rerendered.getString("encoding")).isEqualTo("GBK");
      assertThat(
              rerendered.getJsonArray("lines").stream().map(l -> ((JsonObject) l).getString("x")))
          .contains("你好，世界");
      page.close();
    }
  }

  @Test
  @Timeout(60)
  void aReconnectingClientGetsItsTabAtOnceAndConnectsWhenTheBoardComesUp() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    try (UiHarness ui = new UiHarness(config)) {
      int id =
          ui.create(
              new JsonObject()
                  .put("type", "tcp-client")
                  .put("remote", "127.0.0.1:" + port)
                  .put("reconnect", true));
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(10))
          .until(() -> String.valueOf(state(ui, id).getString("error")).contains("refused"));
      assertThat(state(ui, id).getString("state")).isIn("opening", "reconnecting");
      try (ServerSocket board = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
          Socket accepted = board.accept()) {
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(10))
            .until(() -> state(ui, id).getString("state").equals("open"));
        ui.post("/api/sessions/" + id + "/send", new JsonObject().put("data", "up"));
        accepted.setSoTimeout(10_000);
        assertThat(accepted.getInputStream().readNBytes(2)).isEqualTo("up".getBytes());
      }
    }
  }

  @Test
  @Timeout(60)
  void closingTheServerClosesEverySessionCleanly() throws Exception {
    UiHarness ui = new UiHarness(config);
    try {
      int id = ui.create(tcpServer(0));
      String local = state(ui, id).getString("local");
      try (Socket board =
          new Socket("127.0.0.1", Integer.parseInt(local.substring(local.lastIndexOf(':') + 1)))) {
        board.setSoTimeout(10_000);
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(10))
            .until(() -> state(ui, id).getJsonArray("peers").size() == 1);
        ui.server.close();
        assertThat(board.getInputStream().read()).isEqualTo(-1);
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(10))
            .until(() -> ui.engine.sessions().isEmpty());
      }
    } finally {
      ui.close();
    }
  }

  static JsonObject state(UiHarness ui, int id) throws Exception {
    return tab(ui.get("/api/state").json(), id);
  }
}
