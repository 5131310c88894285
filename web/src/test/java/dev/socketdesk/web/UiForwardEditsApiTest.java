package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A forward's edits and its TLS setting through the HTTP API, to a target on loopback. */
class UiForwardEditsApiTest {
  @TempDir Path config;

  static JsonObject edit(String direction, String match, String replacement) {
    return new JsonObject()
        .put("direction", direction)
        .put("match", match)
        .put("replacement", replacement);
  }

  @Test
  @Timeout(60)
  void editsRewriteAndDropOnTheWayToTheTarget() throws Exception {
    try (UiHarness ui = new UiHarness(config);
        ServerSocket target = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      target.setSoTimeout(10_000);
      int id =
          ui.create(
              new JsonObject()
                  .put("type", "forward")
                  .put("localHost", "127.0.0.1")
                  .put("localPort", 0)
                  .put("target", "127.0.0.1:" + target.getLocalPort())
                  .put(
                      "edits",
                      new JsonArray()
                          .add(edit("to-target", "AT\\+RST\\r\\n", ""))
                          .add(edit("to-target", "ping", "PONG"))));
      try (Socket client = new Socket("127.0.0.1", UiAutoActionsApiTest.port(ui, id));
          Socket relayed = target.accept()) {
        client.getOutputStream().write("AT+RST\r\nping\n".getBytes(StandardCharsets.US_ASCII));
        client.shutdownOutput();
        byte[] got = relayed.getInputStream().readAllBytes();
        assertThat(new String(got, StandardCharsets.US_ASCII)).isEqualTo("PONG\n");
      }
      JsonObject spec =
          ui.get("/api/state").json().getJsonArray("tabs").getJsonObject(0).getJsonObject("spec");
      assertThat(spec.getJsonArray("edits")).hasSize(2);
    }
  }

  @Test
  @Timeout(60)
  void aBadEditOrInsecureWithAPlainTargetIsA400NamingTheField() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      UiHarness.Reply badRegex =
          ui.post(
              "/api/sessions",
              new JsonObject()
                  .put("type", "forward")
                  .put("target", "127.0.0.1:9")
                  .put("edits", new JsonArray().add(edit("to-client", "(", "x"))));
      assertThat(badRegex.status()).isEqualTo(400);
      assertThat(badRegex.field()).isEqualTo("edits[0].match");

      UiHarness.Reply insecure =
          ui.post(
              "/api/sessions",
              new JsonObject()
                  .put("type", "forward")
                  .put("target", "127.0.0.1:9")
                  .put("insecure", true));
      assertThat(insecure.status()).isEqualTo(400);
      assertThat(insecure.field()).isEqualTo("insecure");

      UiHarness.Reply tls =
          ui.post(
              "/api/sessions",
              new JsonObject()
                  .put("type", "forward")
                  .put("localHost", "127.0.0.1")
                  .put("localPort", 0)
                  .put("target", "tls://127.0.0.1:9")
                  .put("insecure", true));
      assertThat(tls.status()).isBetween(200, 201);
    }
  }
}
