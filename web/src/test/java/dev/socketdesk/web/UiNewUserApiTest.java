package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10, part 4, through the HTTP API: what a new user tripped over, server side. */
class UiNewUserApiTest {
  @TempDir Path config;

  private static JsonObject tcpServer() {
    return new JsonObject()
        .put("type", "tcp-server")
        .put("localHost", "127.0.0.1")
        .put("localPort", 0);
  }

  private static JsonObject state(UiHarness ui, int id) throws Exception {
    for (Object o : ui.get("/api/state").json().getJsonArray("tabs")) {
      JsonObject tab = (JsonObject) o;
      if (tab.getInteger("id") == id) {
        return tab;
      }
    }
    throw new AssertionError("no tab " + id);
  }

  private static int port(UiHarness ui, int id) throws Exception {
    String local = state(ui, id).getString("local");
    return Integer.parseInt(local.substring(local.lastIndexOf(':') + 1));
  }

  @Test
  @Timeout(60)
  void onlyTheFieldsOfTheChosenTypeAreReadAndChecked() throws Exception {
    try (UiHarness ui = new UiHarness(config);
        ServerSocket board = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      UiHarness.Reply client =
          ui.post(
              "/api/sessions",
              new JsonObject()
                  .put("type", "tcp-client")
                  .put("localPort", "70000")
                  .put("maxClients", "x")
                  .put("multicast", "not a group")
                  .put("remote", "127.0.0.1:" + board.getLocalPort()));
      assertThat(client.status()).as(client.body()).isEqualTo(200);
      board.accept().close();

      UiHarness.Reply server =
          ui.post(
              "/api/sessions",
              tcpServer()
                  .put("remote", "127.0.0.1:" + board.getLocalPort())
                  .put("reconnect", true)
                  .put("connectTimeoutS", "x"));
      assertThat(server.status()).as(server.body()).isEqualTo(200);
      JsonObject spec = state(ui, server.json().getInteger("id")).getJsonObject("spec");
      assertThat(spec.getString("remote", "")).isEmpty();
      assertThat(spec.getBoolean("reconnect", false)).isFalse();

      UiHarness.Reply stillChecked = ui.post("/api/sessions", tcpServer().put("localPort", 70000));
      assertThat(stillChecked.status()).isEqualTo(400);
      assertThat(stillChecked.error()).contains("70000");
    }
  }

  @Test
  @Timeout(60)
  void udpPortInUseIsA409WithNoTabAndAFailedReopenLogsOnce() throws Exception {
    try (UiHarness ui = new UiHarness(config);
        DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      JsonObject udp =
          new JsonObject()
              .put("type", "udp")
              .put("localHost", "127.0.0.1")
              .put("localPort", taken.getLocalPort())
              .put("reconnect", true);
      UiHarness.Reply inUse = ui.post("/api/sessions", udp);
      assertThat(inUse.status()).as(inUse.body()).isEqualTo(409);
      assertThat(inUse.error()).startsWith("port " + taken.getLocalPort() + " is already in use");
      assertThat(ui.get("/api/state").json().getJsonArray("tabs")).isEmpty();
    }
    try (UiHarness ui = new UiHarness(config)) {
      int port;
      try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
        port = probe.getLocalPort();
      }
      int id = ui.create(tcpServer().put("type", "udp").put("localPort", port));
      assertThat(ui.post("/api/sessions/" + id + "/close", new JsonObject()).status())
          .isEqualTo(200);
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> state(ui, id).getString("state").equals("closed"));
      try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
        UiHarness.Reply reopen = ui.post("/api/sessions/" + id + "/open", new JsonObject());
        assertThat(reopen.status()).isEqualTo(409);
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .alias("the failed open's Error and Closed events are in the log")
            .until(() -> kinds(state(ui, id), "closed").size() == 2);
        assertThat(errorLines(state(ui, id)))
            .as("one failed open, one line")
            .containsExactly(reopen.error());
        assertThat(state(ui, id).getString("error")).isEqualTo(reopen.error());
      }
    }
  }

  private static List<String> errorLines(JsonObject tab) {
    List<String> errors = new ArrayList<>();
    for (Object o : tab.getJsonArray("lines")) {
      JsonObject line = (JsonObject) o;
      if ("err".equals(line.getString("d"))) {
        errors.add(line.getString("x"));
      }
    }
    return errors;
  }

  @Test
  @Timeout(60)
  void periodicIntervalErrorsNameTheValueAndTheMinimumInMilliseconds() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      int id = ui.create(tcpServer());
      String path = "/api/sessions/" + id + "/periodic";
      UiHarness.Reply abc =
          ui.post(path, new JsonObject().put("data", "x").put("intervalMs", "abc"));
      assertThat(abc.status()).isEqualTo(400);
      assertThat(abc.json().getString("field")).isEqualTo("intervalMs");
      assertThat(abc.error())
          .isEqualTo(
              "intervalMs 'abc' is not a number of milliseconds; use a whole number, e.g. 1000, or"
                  + " a number with ms, s, m or h");
      UiHarness.Reply zero = ui.post(path, new JsonObject().put("data", "x").put("intervalMs", 0));
      assertThat(zero.status()).isEqualTo(400);
      assertThat(zero.error()).startsWith("intervalMs 0ms is too short; use at least 1ms");
      UiHarness.Reply typedZero =
          ui.post(path, new JsonObject().put("data", "x").put("intervalMs", "0"));
      assertThat(typedZero.error()).isEqualTo(zero.error());
      UiHarness.Reply huge =
          ui.post(path, new JsonObject().put("data", "x").put("intervalMs", 86_400_001));
      assertThat(huge.status()).isEqualTo(400);
      assertThat(huge.error()).contains("is too long; use at most 24h");
      UiHarness.Reply count =
          ui.post(
              path, new JsonObject().put("data", "x").put("intervalMs", "10").put("count", "y"));
      assertThat(count.status()).isEqualTo(400);
      assertThat(count.json().getString("field")).isEqualTo("count");
      UiHarness.Reply empty = ui.post(path, new JsonObject().put("data", ""));
      assertThat(empty.status()).isEqualTo(400);
      assertThat(empty.error()).startsWith("nothing to send");
      UiHarness.Reply wrongType =
          ui.put("/api/sessions/" + id + "/display", new JsonObject().put("encoding", 5));
      for (UiHarness.Reply r : List.of(abc, zero, huge, count, empty, wrongType)) {
        assertThat(r.error()).as("no Java text").doesNotContain("java.", "Exception");
      }
      UiHarness.Reply ok =
          ui.post(path, new JsonObject().put("data", "x").put("intervalMs", "25").put("count", 2));
      assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    }
  }

  @Test
  @Timeout(60)
  void aSendToAllReportsEveryClientsBytesAndAnEmptySendIsRefused() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      int id = ui.create(tcpServer());
      int port = port(ui, id);
      List<Socket> boards = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          Socket board = new Socket("127.0.0.1", port);
          board.setSoTimeout(10_000);
          boards.add(board);
        }
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> state(ui, id).getJsonArray("peers").size() == 3);
        String path = "/api/sessions/" + id + "/send";
        UiHarness.Reply all = ui.post(path, new JsonObject().put("data", "y".repeat(402)));
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().getLong("bytes")).isEqualTo(1206);
        for (Socket board : boards) {
          assertThat(board.getInputStream().readNBytes(402)).hasSize(402);
        }
        UiHarness.Reply one = ui.post(path, new JsonObject().put("data", "hi").put("peer", 2));
        assertThat(one.json().getLong("bytes")).isEqualTo(2);

        UiHarness.Reply empty = ui.post(path, new JsonObject().put("data", ""));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.error())
            .isEqualTo(
                "nothing to send: the message is empty; type some text or hex, or choose a line"
                    + " ending to send just that");
        UiHarness.Reply newline =
            ui.post(path, new JsonObject().put("data", "").put("lineEnding", "crlf"));
        assertThat(newline.json().getLong("bytes")).isEqualTo(6);

        UiHarness.Reply kick =
            ui.post("/api/sessions/" + id + "/peers/disconnect", new JsonObject());
        assertThat(kick.status()).as(kick.body()).isEqualTo(200);
        assertThat(kick.json().getInteger("disconnected")).isEqualTo(3);
        assertThat(boards.get(1).getInputStream().readNBytes(2)).isEqualTo("hi".getBytes());
        for (Socket board : boards) {
          InputStream in = board.getInputStream();
          assertThat(in.readNBytes(2)).isEqualTo(new byte[] {'\r', '\n'});
          assertThat(in.read()).isEqualTo(-1);
        }
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> state(ui, id).getJsonArray("peers").isEmpty());
      } finally {
        for (Socket board : boards) {
          board.close();
        }
      }
    }
  }

  @Test
  @Timeout(60)
  void aReconnectAttemptWritesOneLine() throws Exception {
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
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> kinds(state(ui, id), "reconnecting").size() >= 2);
      ui.post("/api/sessions/" + id + "/close", new JsonObject());
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !kinds(state(ui, id), "closed").isEmpty());
      JsonObject tab = state(ui, id);
      assertThat(kinds(tab, "reconnecting")).allMatch(x -> x.contains("refused"));
      assertThat(errorLines(tab)).as("each attempt is one reconnecting line").isEmpty();
    }
  }

  private static List<String> kinds(JsonObject tab, String kind) {
    List<String> texts = new ArrayList<>();
    JsonArray lines = tab.getJsonArray("lines");
    for (Object o : lines) {
      JsonObject line = (JsonObject) o;
      if (kind.equals(line.getString("k"))) {
        texts.add(String.valueOf(line.getString("x")));
      }
    }
    return texts;
  }

  @Test
  @Timeout(60)
  void theLogRouteGivesBackTheLinesTheServerKeeps() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      int id = ui.create(tcpServer());
      try (Socket board = new Socket("127.0.0.1", port(ui, id))) {
        board.getOutputStream().write("one".getBytes());
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> ui.get("/api/sessions/" + id + "/log").body().contains("\"one\""));
        JsonObject log = ui.get("/api/sessions/" + id + "/log").json();
        JsonArray lines = log.getJsonArray("lines");
        assertThat(log.getLong("seq"))
            .isEqualTo(lines.getJsonObject(lines.size() - 1).getLong("s"));
        assertThat(ui.get("/api/sessions/99/log").status()).isEqualTo(404);
      }
    }
  }
}
