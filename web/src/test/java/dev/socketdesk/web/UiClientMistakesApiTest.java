package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every client mistake in a spec body is a 400 with {@code {"error": "...", "field": "..."}}, never
 * a 500: a body that is not an object, a field of the wrong type, a huge number, an unknown enum
 * value, a missing field.
 */
@Timeout(60)
class UiClientMistakesApiTest {
  @TempDir Path config;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          /api/sessions             | [1,2]                                     | -          | the body must be a JSON object
          /api/sessions             | "tcp-server"                              | -          | the body must be a JSON object
          /api/sessions             | null                                      | -          | the body must be a JSON object
          /api/sessions             | {"type":                                  | -          | not valid JSON
          /api/sessions             | {}                                        | type       | type is missing
          /api/sessions             | {"type":"tcp-sever"}                      | type       | type 'tcp-sever' is unknown
          /api/sessions             | {"type":"tcp-server","localPort":[1]}     | localPort  | localPort must be a whole number, not a list
          /api/sessions             | {"type":"tcp-server","localPort":9.2e18}  | localPort  | is too large
          /api/sessions             | {"type":"tcp-client"}                     | remote     | remote is missing
          /api/sessions             | {"type":"udp","broadcast":1}              | broadcast  | broadcast must be true or false, not a number
          /api/simulations          | {"profile":"echo-client","target":"127.0.0.1:9","intervalMs":9.2e18} | intervalMs | is too long; use at most 24h
          /api/simulations          | {"profile":"echo-client","target":"127.0.0.1:9","lineEnding":"lfcr"} | lineEnding | unknown line ending 'lfcr'
          /api/simulations          | {"profile":"echo-client","target":"127.0.0.1:9","sensorFormat":"xml"} | sensorFormat | unknown sensor format 'xml'
          /api/simulations          | {"target":"127.0.0.1:9"}                  | profile    | profile is missing
          /api/simulations/check    | {"profile":"echo-client","count":{}}      | count      | count must be a whole number, not an object
          """)
  void specBodiesAreBadRequestsNamingTheField(
      String path, String body, String field, String message) throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      UiHarness.Reply r = ui.postText(path, body);
      assertThat(r.status()).as(r.body()).isEqualTo(400);
      assertThat(r.field()).as(r.body()).isEqualTo(field);
      assertThat(r.error()).contains(message).doesNotContain("\n");
    }
  }

  @Test
  void sessionRequestBodiesAreBadRequestsNamingTheField() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      int id = ui.create(UiServerApiTest.tcpServer(0));
      String s = "/api/sessions/" + id;
      assertBad(
          ui.postText(s + "/periodic", "{\"data\":\"x\",\"intervalMs\":9.2e18}"), "intervalMs");
      assertBad(ui.postText(s + "/periodic", "{\"data\":\"x\",\"count\":\"many\"}"), "count");
      assertBad(ui.postText(s + "/periodic", "[\"x\"]"), null);
      assertBad(ui.postText(s + "/send", "{\"data\":\"x\",\"checksum\":\"md5\"}"), "checksum");
      assertBad(ui.postText(s + "/send", "{\"data\":\"x\",\"peer\":\"one\"}"), "peer");
      assertBad(ui.postText(s + "/send", "{\"data\":\"zz\",\"mode\":\"hex\"}"), "data");
      assertBad(ui.postText(s + "/send", "{\"data\":\"x\",\"to\":\"nowhere\"}"), "to");
      assertBad(ui.postText(s + "/send", "{\"data\":[1]}"), "data");
      assertBad(ui.putText(s + "/auto", "{\"rules\":[{\"match\":\"(\"}]}"), "rules[0].match");
      assertBad(ui.putText(s + "/auto", "{\"echo\":\"yes\"}"), "echo");
      assertBad(ui.putText(s + "/display", "{\"encoding\":\"klingon\"}"), "encoding");
      assertBad(ui.putText("/api/settings", "[]"), null);
      assertThat(ui.get("/api/state").json().getJsonArray("tabs")).hasSize(1);
    }
  }

  @Test
  void failuresCarryTheirCatalogueCodeAndParameters() throws Exception {
    try (UiHarness ui = new UiHarness(config);
        ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      UiHarness.Reply inUse =
          ui.post(
              "/api/sessions",
              new JsonObject()
                  .put("type", "tcp-server")
                  .put("localHost", "127.0.0.1")
                  .put("localPort", taken.getLocalPort()));
      assertThat(inUse.status()).as(inUse.body()).isEqualTo(409);
      assertThat(inUse.json().getString("code")).isEqualTo("port-in-use");
      assertThat(inUse.json().getJsonObject("params").getMap())
          .containsEntry("port", String.valueOf(taken.getLocalPort()))
          .containsEntry("host", "127.0.0.1");
      assertThat(inUse.error()).startsWith("port " + taken.getLocalPort() + " is already in use");

      UiHarness.Reply bad = ui.postText("/api/sessions", "{\"type\":\"udp\",\"localPort\":-5}");
      assertThat(bad.json().getString("code")).isEqualTo("invalid-value");
      assertThat(bad.json().getJsonObject("params").getString("field")).isEqualTo("localPort");
    }
  }

  private static void assertBad(UiHarness.Reply r, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.field()).as(r.body()).isEqualTo(field);
    assertThat(r.error()).isNotBlank().doesNotContain("\n");
  }
}
