package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.socketdesk.engine.simulate.Limits;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Simulate devices API: start against a session of the page or HOST:PORT, figures, stop. */
class UiSimulationApiTest {
  static final String GREETING = "Hello WalnutPi!";

  @TempDir Path config;

  static JsonObject sim(JsonObject message, int id) {
    for (Object o : message.getJsonArray("sims", new JsonArray())) {
      JsonObject s = (JsonObject) o;
      if (s.getInteger("id") == id) {
        return s;
      }
    }
    return null;
  }

  static JsonObject tab(UiHarness ui, int id) throws Exception {
    JsonObject state = ui.get("/api/state").json();
    for (Object o : state.getJsonArray("tabs")) {
      JsonObject t = (JsonObject) o;
      if (t.getInteger("id") == id) {
        return t;
      }
    }
    throw new AssertionError("no tab " + id);
  }

  static JsonObject listed(UiHarness ui, int id) throws Exception {
    JsonObject list = ui.get("/api/simulations").json();
    return sim(new JsonObject().put("sims", list.getJsonArray("simulations")), id);
  }

  @Test
  @Timeout(60)
  void echoClientsAgainstATcpServerSessionById() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      int server = ui.create(UiServerApiTest.tcpServer(0));
      UiHarness.PageSocket page = ui.page();
      page.next(m -> m.getString("type").equals("hello"));

      UiHarness.Reply started =
          ui.post(
              "/api/simulations",
              new JsonObject()
                  .put("profile", "echo-client")
                  .put("session", server)
                  .put("count", 20)
                  .put("ramp", 0));
      assertThat(started.status()).as(started.body()).isEqualTo(200);
      JsonObject run = started.json();
      int id = run.getInteger("id");
      assertThat(run.getString("state")).isEqualTo("running");
      String local = tab(ui, server).getString("local");
      assertThat(run.getString("target")).isEqualTo(local);
      assertThat(run.getString("session")).isEqualTo("#" + server);
      assertThat(run.getJsonArray("warnings")).isEmpty();

      JsonObject pushed =
          page.next(
              m -> {
                JsonObject s = m.getString("type").equals("batch") ? sim(m, id) : null;
                return s != null
                    && s.getJsonObject("stats") != null
                    && s.getJsonObject("stats").getLong("connected") == 20;
              });
      JsonObject stats = sim(pushed, id).getJsonObject("stats");
      assertThat(stats.getLong("failed")).isZero();
      assertThat(stats.containsKey("rttP99Micros")).isTrue();
      assertThat(sim(pushed, id).getJsonArray("errors")).isEmpty();

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                JsonObject t = tab(ui, server);
                assertThat(t.getJsonArray("peers")).hasSize(20);
                assertThat(t.getJsonObject("counters").getLong("bytesIn"))
                    .isEqualTo(20L * GREETING.length());
                assertThat(t.getJsonObject("counters").getLong("messagesIn")).isEqualTo(20);
              });
      assertThat(listed(ui, id).getJsonObject("stats").getLong("connected")).isEqualTo(20);

      UiHarness.Reply stopped = ui.post("/api/simulations/" + id + "/stop", new JsonObject());
      assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
      JsonObject done = stopped.json();
      assertThat(done.getString("state")).isEqualTo("done");
      assertThat(done.getJsonObject("stats").getLong("launched")).isEqualTo(20);
      assertThat(done.getJsonObject("stats").getLong("failed")).isZero();
      assertThat(done.getJsonObject("stats").getLong("bytesOut"))
          .isEqualTo(20L * GREETING.length());
      assertThat(done.getJsonArray("errors")).isEmpty();
      assertThat(done.getString("summary")).contains("echo-client " + local, "20 devices");
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(tab(ui, server).getJsonArray("peers")).isEmpty());

      page.next(
          m -> {
            JsonObject s = m.getString("type").equals("batch") ? sim(m, id) : null;
            return s != null && "done".equals(s.getString("state")) && s.containsKey("summary");
          });
      page.close();
    }
  }

  @Test
  @Timeout(60)
  void udpClientsAgainstAUdpSessionBoundToAllAddresses() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      int udp = ui.create(new JsonObject().put("type", "udp").put("localPort", 0));
      String local = tab(ui, udp).getString("local");
      String port = local.substring(local.lastIndexOf(':') + 1);
      UiHarness.Reply started =
          ui.post(
              "/api/simulations",
              new JsonObject()
                  .put("profile", "udp-client")
                  .put("session", udp)
                  .put("count", 2)
                  .put("intervalMs", 20)
                  .put("messages", 3)
                  .put("payloads", new JsonArray().add("dev {id} #{seq}")));
      assertThat(started.status()).as(started.body()).isEqualTo(200);
      int id = started.json().getInteger("id");
      assertThat(started.json().getString("target")).endsWith(":" + port);
      assertThat(started.json().getString("target")).matches("(127\\.0\\.0\\.1|\\[::1\\]):\\d+");
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                JsonObject counters = tab(ui, udp).getJsonObject("counters");
                assertThat(counters.getLong("messagesIn")).isEqualTo(6);
                assertThat(counters.getLong("bytesIn")).isEqualTo(6L * "dev 1 #1".length());
              });
      JsonObject done = ui.post("/api/simulations/" + id + "/stop", new JsonObject()).json();
      assertThat(done.getJsonObject("stats").getLong("messagesOut")).isEqualTo(6);
      assertThat(done.getJsonArray("errors")).isEmpty();
    }
  }

  @Test
  @Timeout(60)
  void aRefusedTargetReportsTheGroupedError() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    try (UiHarness ui = new UiHarness(config)) {
      UiHarness.Reply started =
          ui.post(
              "/api/simulations",
              new JsonObject()
                  .put("profile", "echo-client")
                  .put("target", "127.0.0.1:" + closedPort)
                  .put("count", 3));
      assertThat(started.status()).as(started.body()).isEqualTo(200);
      int id = started.json().getInteger("id");
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () -> {
                JsonObject s = listed(ui, id);
                assertThat(s.getJsonObject("stats").getLong("failed")).isEqualTo(3);
                JsonArray errors = s.getJsonArray("errors");
                assertThat(errors).hasSize(1);
                assertThat(errors.getJsonObject(0).getString("cause")).isEqualTo("refused");
                assertThat(errors.getJsonObject(0).getLong("count")).isEqualTo(3);
              });
      assertThat(listed(ui, id).getLong("v"))
          .as("a later snapshot has a higher version, so the page drops an overtaken answer")
          .isGreaterThan(started.json().getLong("v"));
      JsonObject done = ui.post("/api/simulations/" + id + "/stop", new JsonObject()).json();
      assertThat(done.getString("state")).isEqualTo("done");
      assertThat(done.getJsonArray("errors").getJsonObject(0).getString("description"))
          .isEqualTo("connection refused");
      assertThat(done.getString("summary")).contains("3 x connection refused");

      UiHarness.Reply removed =
          ui.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(ui.base() + "/api/simulations/" + id))
                  .header("Origin", ui.origin())
                  .DELETE());
      assertThat(removed.status()).as(removed.body()).isEqualTo(200);
      assertThat(listed(ui, id)).isNull();
    }
  }

  @Test
  @Timeout(30)
  void badInputIsAOneLineError() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      int client =
          ui.create(
              new JsonObject()
                  .put("type", "udp")
                  .put("localHost", "127.0.0.1")
                  .put("localPort", 0));
      assertError(ui, new JsonObject().put("profile", "robot"), 400, "unknown profile 'robot'");
      assertError(
          ui,
          new JsonObject().put("profile", "echo-client"),
          400,
          "echo-client needs a target; give HOST:PORT");
      assertError(
          ui,
          new JsonObject().put("profile", "echo-client").put("session", 99),
          404,
          "session 99 does not exist");
      assertError(
          ui,
          new JsonObject().put("profile", "echo-client").put("session", client),
          400,
          "echo-client needs a TCP server session to connect to, but session "
              + client
              + " is a UDP");
      assertError(
          ui,
          new JsonObject().put("profile", "echo-client").put("target", "x:1").put("count", 0),
          400,
          "count 0 is out of range");
      assertError(
          ui,
          new JsonObject().put("profile", "tcp-echo-server"),
          400,
          "tcp-echo-server listens on a port");
      assertError(
          ui,
          new JsonObject().put("profile", "echo-client").put("target", "localhost:99999"),
          400,
          "99999");
      assertThat(ui.get("/api/simulations").json().getJsonArray("simulations")).isEmpty();
    }
  }

  private static void assertError(UiHarness ui, JsonObject body, int status, String text)
      throws Exception {
    UiHarness.Reply r = ui.post("/api/simulations", body);
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.error()).contains(text).doesNotContain("\n");
  }

  @Test
  @Timeout(30)
  void startingGoesThroughTheRequestGuard() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      String body = "{\"profile\":\"tcp-echo-server\",\"bind\":\"127.0.0.1\",\"port\":0}";
      UiHarness.Reply foreign =
          ui.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(ui.base() + "/api/simulations"))
                  .header("Content-Type", "application/json")
                  .header("Origin", "http://evil.example")
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
      assertThat(foreign.status()).isEqualTo(403);
      assertThat(foreign.error()).contains("cross-site request refused");
      UiHarness.Reply foreignHost =
          ui.raw("GET /api/simulations HTTP/1.1\r\nHost: evil.example\r\n" + ui.tokenHeader());
      assertThat(foreignHost.status()).isEqualTo(403);
      assertThat(ui.get("/api/simulations").json().getJsonArray("simulations")).isEmpty();
    }
  }

  @Test
  @Timeout(30)
  void limitWarningsComeBeforeTheStart() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      JsonObject small =
          new JsonObject()
              .put("profile", "echo-client")
              .put("target", "127.0.0.1:9")
              .put("count", 5);
      UiHarness.Reply ok = ui.post("/api/simulations/check", small);
      assertThat(ok.status()).as(ok.body()).isEqualTo(200);
      assertThat(ok.json().getJsonArray("warnings")).isEmpty();

      JsonObject huge = small.copy().put("count", 100_000);
      JsonArray warnings = ui.post("/api/simulations/check", huge).json().getJsonArray("warnings");
      long max = Limits.current().maxOpenFiles();
      if (max > 0 && max < 100_000) {
        assertThat(warnings.getString(0)).contains("open-file limit (ulimit -n) is " + max);
      }
      assertThat(ui.get("/api/simulations").json().getJsonArray("simulations"))
          .as("checking starts nothing")
          .isEmpty();
    }
  }

  @Test
  @Timeout(30)
  void closingTheUiServerStopsItsSimulations() throws Exception {
    UiHarness ui = new UiHarness(config);
    int port;
    try {
      UiHarness.Reply started =
          ui.post(
              "/api/simulations",
              new JsonObject()
                  .put("profile", "tcp-echo-server")
                  .put("bind", "127.0.0.1")
                  .put("port", 0));
      assertThat(started.status()).as(started.body()).isEqualTo(200);
      String target = started.json().getString("target");
      port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      }
    } finally {
      ui.close();
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                return false;
              } catch (ConnectException refused) {
                return true;
              } catch (IOException other) {
                return false;
              }
            });
  }
}
