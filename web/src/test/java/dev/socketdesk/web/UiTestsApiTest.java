package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Tests panel's API: run a script against a simulated board, poll it, cancel, bad scripts. */
class UiTestsApiTest {
  static final String PASSING =
      """
      name: page suite
      tests:
        - name: echoes a line
          connect: ${sim.address}
          steps:
            - simulate: tcp-echo-server
            - send: 'hello board\\n'
            - expect: 'hello board\\n'
              timeout: 5s
      """;

  @TempDir Path config;

  static JsonObject pollUntilEnded(UiHarness ui, int id) {
    AtomicReference<JsonObject> last = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              UiHarness.Reply r = ui.get("/api/tests/" + id);
              assertThat(r.status()).as(r.body()).isEqualTo(200);
              last.set(r.json());
              return !r.json().getString("state").equals("running");
            });
    return last.get();
  }

  @Test
  @Timeout(60)
  void aPassingScriptAgainstASimulatedBoardReportsEachStep() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      UiHarness.Reply started = ui.postText("/api/tests", PASSING);
      assertThat(started.status()).as(started.body()).isEqualTo(200);
      int id = started.json().getInteger("id");
      assertThat(started.json().getString("name")).isEqualTo("page suite");

      JsonObject done = pollUntilEnded(ui, id);
      assertThat(done.getString("state")).isEqualTo("done");
      assertThat(done.getJsonObject("summary").getLong("passed")).isEqualTo(1);
      assertThat(done.getJsonObject("summary").getLong("failed")).isZero();
      JsonObject test = done.getJsonArray("tests").getJsonObject(0);
      assertThat(test.getString("name")).isEqualTo("echoes a line");
      assertThat(test.getString("status")).isEqualTo("passed");
      JsonArray steps = test.getJsonArray("steps");
      assertThat(steps).hasSize(3);
      assertThat(steps.getJsonObject(0).getString("step")).contains("simulate tcp-echo-server");
      assertThat(steps.getJsonObject(2).getString("step")).startsWith("expect");
      for (Object o : steps) {
        assertThat(((JsonObject) o).getString("status")).isEqualTo("passed");
        assertThat(((JsonObject) o).getLong("millis")).isNotNegative();
      }
      assertThat(test.getString("transcript")).contains("hello board");
    }
  }

  @Test
  @Timeout(60)
  void aFailingStepNamesExpectedAndReceived() throws Exception {
    String wrong =
        PASSING.replace("expect: 'hello board\\n'", "expect: 'pong'").replace("5s", "300ms");
    try (UiHarness ui = new UiHarness(config)) {
      UiHarness.Reply started = ui.postText("/api/tests", wrong);
      assertThat(started.status()).as(started.body()).isEqualTo(200);
      JsonObject done = pollUntilEnded(ui, started.json().getInteger("id"));
      assertThat(done.getJsonObject("summary").getLong("failed")).isEqualTo(1);
      JsonObject failed =
          done.getJsonArray("tests").getJsonObject(0).getJsonArray("steps").getJsonObject(2);
      assertThat(failed.getString("status")).isEqualTo("failed");
      assertThat(failed.getString("expected")).contains("pong");
      assertThat(failed.getString("received")).contains("hello board");
      assertThat(failed.getString("location")).isEqualTo("script:8:9");
    }
  }

  @Test
  @Timeout(60)
  void aBadScriptIsA400WithItsLineAndColumn() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      UiHarness.Reply r = ui.postText("/api/tests", PASSING.replace("- send:", "- sned:"));
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.error()).startsWith("7:9: unknown step 'sned'");
      assertThat(r.field()).isEqualTo("script");
      assertThat(ui.get("/api/tests/99").status()).isEqualTo(404);
    }
  }

  @Test
  @Timeout(60)
  void aRelativeCaInAPastedScriptIsRefusedNamingTheField() throws Exception {
    String script =
        """
        name: pasted
        connect: 127.0.0.1:9
        tls: {ca: certs/board-ca.pem}
        steps:
          - send: 'x'
        """;
    try (UiHarness ui = new UiHarness(config)) {
      UiHarness.Reply r = ui.postText("/api/tests", script);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.error())
          .isEqualTo(
              "3:11: ca: 'certs/board-ca.pem' is a relative path, and a script run from the page"
                  + " has no folder to find it in; give the full path of the CA certificate's PEM"
                  + " file");
      assertThat(r.field()).isEqualTo("script");
    }
  }

  @Test
  @Timeout(60)
  void cancelStopsARun() throws Exception {
    String slow = PASSING.replace("- send: 'hello board\\n'", "- wait: 60s");
    try (UiHarness ui = new UiHarness(config)) {
      UiHarness.Reply started = ui.postText("/api/tests", slow);
      int id = started.json().getInteger("id");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> ui.get("/api/tests/" + id).body().contains("simulate tcp-echo-server"));
      assertThat(ui.post("/api/tests/" + id + "/cancel", new JsonObject()).status()).isEqualTo(200);
      JsonObject ended = pollUntilEnded(ui, id);
      assertThat(ended.getString("state")).isEqualTo("cancelled");
      assertThat(ended.getJsonObject("summary").getBoolean("interrupted")).isTrue();
    }
  }
}
