package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.testing.PtyPair;
import dev.socketdesk.engine.testing.SerialBoard;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Serial and forward sessions through the HTTP API, against a board on a socat pty. */
class UiSerialForwardApiTest {
  @TempDir Path config;
  @TempDir Path dir;

  @Test
  @Timeout(60)
  void aSerialTabSendsToTheBoardAndRefusesControlLinesAPtyLacks() throws Exception {
    try (PtyPair pty = new PtyPair(dir);
        SerialBoard board = SerialBoard.start(pty.b, "text", dir);
        UiHarness ui = new UiHarness(config)) {
      assertThat(ui.get("/api/serial-ports").status()).isEqualTo(200);
      int id =
          ui.create(
              new JsonObject()
                  .put("type", "serial")
                  .put("path", pty.a.toString())
                  .put("baud", 57600)
                  .put("parity", "even"));
      JsonObject tab = ui.get("/api/state").json().getJsonArray("tabs").getJsonObject(0);
      assertThat(tab.getJsonObject("spec").getString("parity")).isEqualTo("even");
      assertThat(tab.getJsonObject("spec").getInteger("groupIdleMs")).isEqualTo(40);
      UiHarness.Reply sent =
          ui.post("/api/sessions/" + id + "/send", new JsonObject().put("data", "hello\\n"));
      assertThat(sent.status()).as(sent.body()).isEqualTo(200);
      UiHarness.Reply line =
          ui.post(
              "/api/sessions/" + id + "/lines",
              new JsonObject().put("line", "dtr").put("on", false));
      assertThat(line.error()).contains("has no DTR line");
      UiHarness.Reply bad =
          ui.post(
              "/api/sessions/" + id + "/lines",
              new JsonObject().put("line", "cts").put("on", true));
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.error()).contains("line must be \"dtr\" or \"rts\"");
    }
  }

  @Test
  @Timeout(60)
  void aForwardTabRelaysAClientToTheSerialBoard() throws Exception {
    try (PtyPair pty = new PtyPair(dir);
        SerialBoard board = SerialBoard.start(pty.b, "text", dir);
        UiHarness ui = new UiHarness(config)) {
      int id =
          ui.create(
              new JsonObject()
                  .put("type", "forward")
                  .put("localHost", "127.0.0.1")
                  .put("localPort", 0)
                  .put("target", "serial:" + pty.a + "?baud=115200"));
      try (Socket client = new Socket("127.0.0.1", UiAutoActionsApiTest.port(ui, id))) {
        client.setSoTimeout(10_000);
        client.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
        InputStream in = client.getInputStream();
        assertThat(UiAutoActionsApiTest.read(in, "Hello from board!\r\n".length()))
            .isEqualTo("Hello from board!\r\n");
      }
      UiHarness.Reply refused =
          ui.post(
              "/api/sessions",
              new JsonObject().put("type", "forward").put("target", "mqtt://cloud.example:1883"));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.field()).isEqualTo("target");
    }
  }
}
