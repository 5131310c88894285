package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request bodies and paths with values of the wrong JSON type or digits of another script get a 400
 * naming the field, never a 500 and never a silently converted number.
 */
@Timeout(60)
class UiBodyTypesApiTest {
  @TempDir Path config;

  @Test
  void wrongJsonTypesAreBadRequestsNamingTheField() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      UiHarness.Reply flag =
          ui.post(
              "/api/sessions",
              new JsonObject()
                  .put("type", "tcp-client")
                  .put("remote", "127.0.0.1:9")
                  .put("reconnect", "yes"));
      assertThat(flag.status()).isEqualTo(400);
      assertThat(flag.error()).isEqualTo("reconnect must be true or false, not text");

      int id = ui.create(UiServerApiTest.tcpServer(0));
      UiHarness.Reply rules =
          ui.put("/api/sessions/" + id + "/auto", new JsonObject().put("rules", "ping=>pong"));
      assertThat(rules.status()).isEqualTo(400);
      assertThat(rules.error()).isEqualTo("rules must be a list, not text");
      UiHarness.Reply rule =
          ui.put(
              "/api/sessions/" + id + "/auto",
              new JsonObject().put("rules", new JsonArray().add("ping")));
      assertThat(rule.status()).isEqualTo(400);
      assertThat(rule.error()).isEqualTo("rules[0] must be an object, not text");
      assertThat(ui.get("/api/state").json().getJsonArray("tabs")).hasSize(1);
    }
  }

  @Test
  void numbersInOtherScriptsAreRefused() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      UiHarness.Reply port =
          ui.post(
              "/api/sessions", new JsonObject().put("type", "tcp-server").put("localPort", "８１０５"));
      assertThat(port.status()).isEqualTo(400);
      assertThat(port.error()).contains("'８１０５'", "ASCII digits 0-9");

      UiHarness.Reply clients =
          ui.post(
              "/api/sessions",
              new JsonObject()
                  .put("type", "tcp-server")
                  .put("localPort", 0)
                  .put("maxClients", "３"));
      assertThat(clients.status()).isEqualTo(400);
      assertThat(clients.error())
          .isEqualTo("maxClients '３' is not a whole number; write it with the ASCII digits 0-9");

      int id = ui.create(UiServerApiTest.tcpServer(0));
      String fullwidthId =
          URLEncoder.encode(new String(Character.toChars(0xFF10 + id)), StandardCharsets.UTF_8);
      UiHarness.Reply send =
          ui.post("/api/sessions/" + fullwidthId + "/send", new JsonObject().put("data", "x"));
      assertThat(send.status()).isEqualTo(400);
      assertThat(send.error()).endsWith("is not a number");
    }
  }
}
