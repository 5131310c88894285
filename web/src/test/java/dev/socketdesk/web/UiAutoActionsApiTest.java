package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Echo, reply rules, periodic send and counter reset through the HTTP API. */
class UiAutoActionsApiTest {
  @TempDir Path config;

  static int port(UiHarness ui, int id) throws Exception {
    String local =
        ui.get("/api/state").json().getJsonArray("tabs").stream()
            .map(JsonObject.class::cast)
            .filter(t -> t.getInteger("id") == id)
            .findFirst()
            .orElseThrow()
            .getString("local");
    return Integer.parseInt(local.substring(local.lastIndexOf(':') + 1));
  }

  static String read(InputStream in, int n) throws Exception {
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  @Test
  @Timeout(60)
  void echoWithPrefixReplyRulesPeriodicSendAndReset() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      int id = ui.create(UiServerApiTest.tcpServer(0));
      UiHarness.Reply auto =
          ui.put(
              "/api/sessions/" + id + "/auto",
              new JsonObject()
                  .put("echo", true)
                  .put("echoPrefix", "I got:")
                  .put(
                      "rules",
                      new JsonArray()
                          .add(new JsonObject().put("match", "^PING").put("response", "PONG\\n"))
                          .add(
                              new JsonObject()
                                  .put("match", "AA 55")
                                  .put("hex", true)
                                  .put("response", "01 02")
                                  .put("responseHex", true))));
      assertThat(auto.status()).as(auto.body()).isEqualTo(200);
      assertThat(
              ui.get("/api/state")
                  .json()
                  .getJsonArray("tabs")
                  .getJsonObject(0)
                  .getJsonObject("auto")
                  .getString("echoPrefix"))
          .isEqualTo("I got:");
      try (Socket board = new Socket("127.0.0.1", port(ui, id))) {
        board.setSoTimeout(10_000);
        InputStream in = board.getInputStream();
        board.getOutputStream().write("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(read(in, 11)).isEqualTo("I got:hello");

        ui.put(
            "/api/sessions/" + id + "/auto",
            new JsonObject()
                .put("echo", false)
                .put(
                    "rules",
                    new JsonArray()
                        .add(new JsonObject().put("match", "^PING").put("response", "PONG\\n"))));
        board.getOutputStream().write("PING".getBytes(StandardCharsets.UTF_8));
        assertThat(read(in, 5)).isEqualTo("PONG\n");

        UiHarness.Reply periodic =
            ui.post(
                "/api/sessions/" + id + "/periodic",
                new JsonObject()
                    .put("data", "Hello Handbit\nI'am MixNo")
                    .put("cycle", true)
                    .put("lineEnding", "lf")
                    .put("intervalMs", 20)
                    .put("count", 3));
        assertThat(periodic.status()).as(periodic.body()).isEqualTo(200);
        assertThat(read(in, 14 + 11 + 14)).isEqualTo("Hello Handbit\nI'am MixNo\nHello Handbit\n");
        // A write is counted when it completes, which may be just after the board has read it.
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(10))
            .until(
                () ->
                    UiServerApiTest.state(ui, id).getJsonObject("counters").getLong("bytesOut")
                        == 11 + 5 + 39);

        assertThat(ui.post("/api/sessions/" + id + "/reset", new JsonObject()).status())
            .isEqualTo(200);
        UiHarness.PageSocket page = ui.page();
        JsonObject tab =
            UiServerApiTest.tab(page.next(m -> m.getString("type").equals("hello")), id);
        assertThat(tab.getJsonObject("counters").getLong("bytesIn")).isZero();
        assertThat(tab.getJsonObject("counters").getLong("bytesOut")).isZero();
        page.close();
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(10))
            .until(
                () ->
                    !ui.get("/api/state")
                        .json()
                        .getJsonArray("tabs")
                        .getJsonObject(0)
                        .getBoolean("periodic"));
      }
    }
  }
}
