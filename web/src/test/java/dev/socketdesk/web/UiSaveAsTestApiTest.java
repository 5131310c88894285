package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.core.script.RunListener;
import dev.socketdesk.core.script.RunReport;
import dev.socketdesk.core.script.RunSettings;
import dev.socketdesk.core.script.ScriptRecorder;
import dev.socketdesk.core.script.ScriptRunner;
import dev.socketdesk.core.script.Scripts;
import dev.socketdesk.core.script.Status;
import dev.socketdesk.core.script.TestResult;
import dev.socketdesk.engine.simulate.Profile;
import dev.socketdesk.engine.simulate.Simulation;
import dev.socketdesk.engine.simulate.SimulationConfig;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/sessions/{id}/test.yaml: the log as a script that replays green against its peer. */
@Timeout(60)
class UiSaveAsTestApiTest {
  @TempDir Path config;

  @Test
  void aWebSocketTabsLogReplaysAgainstTheSameBoard() throws Exception {
    try (Simulation board =
            new Simulation(
                SimulationConfig.builder(Profile.WS_ECHO_SERVER).bind("127.0.0.1", 0).build());
        UiHarness ui = new UiHarness(config)) {
      int port = board.start().get(10, TimeUnit.SECONDS).getPort();
      int id =
          ui.create(
              new JsonObject()
                  .put("type", "ws-client")
                  .put("url", "ws://127.0.0.1:" + port + "/board"));
      String s = "/api/sessions/" + id;
      UiHarness.Reply sent =
          ui.post(s + "/send", new JsonObject().put("data", "AT").put("lineEnding", "crlf"));
      assertThat(sent.status()).as(sent.body()).isEqualTo(200);
      Awaitility.await()
          .atMost(10, TimeUnit.SECONDS)
          .until(() -> ui.get(s + "/test.yaml").body().contains("- expect: 'AT\\r\\n'"));
      UiHarness.Reply hex =
          ui.post(s + "/send", new JsonObject().put("data", "01 03 FF").put("mode", "hex"));
      assertThat(hex.status()).as(hex.body()).isEqualTo(200);
      Awaitility.await()
          .atMost(10, TimeUnit.SECONDS)
          .until(() -> ui.get(s + "/test.yaml").body().contains("- expect-hex: 01 03 FF"));

      UiHarness.Reply script = ui.get(s + "/test.yaml");
      assertThat(script.status()).isEqualTo(200);
      assertThat(script.body())
          .contains("    ws: 'ws://127.0.0.1:" + port + "/board'\n")
          .contains("      - send: 'AT\\r\\n'\n      - expect: 'AT\\r\\n'\n")
          .contains("      - send-hex: 01 03 FF\n      - expect-hex: 01 03 FF\n");
      RunReport report =
          new ScriptRunner(RunSettings.defaults())
              .run(List.of(Scripts.parse("session.yaml", script.body())), RunListener.NONE);
      TestResult r = report.tests().get(0);
      assertThat(r.status()).as("%s\n%s", r.failure(), r.transcript()).isEqualTo(Status.PASSED);
    }
  }

  @Test
  void aSessionNoScriptLinkCanOpenIsA400() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      int id =
          ui.create(
              new JsonObject()
                  .put("type", "ws-server")
                  .put("localHost", "127.0.0.1")
                  .put("localPort", 0)
                  .put("path", "/ws"));
      UiHarness.Reply r = ui.get("/api/sessions/" + id + "/test.yaml");
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.error()).isEqualTo(ScriptRecorder.cannotRecord("ws-server", false));
    }
  }

  @Test
  void aSendTheLogKeptOnlyTheStartOfIsA400NotACutScript() throws Exception {
    try (Simulation board =
            new Simulation(
                SimulationConfig.builder(Profile.TCP_ECHO_SERVER).bind("127.0.0.1", 0).build());
        UiHarness ui = new UiHarness(config)) {
      int port = board.start().get(10, TimeUnit.SECONDS).getPort();
      int id =
          ui.create(new JsonObject().put("type", "tcp-client").put("remote", "127.0.0.1:" + port));
      String s = "/api/sessions/" + id;
      Awaitility.await()
          .atMost(10, TimeUnit.SECONDS)
          .until(() -> ui.post(s + "/send", new JsonObject().put("data", "AT")).status() == 200);
      UiHarness.Reply sent = ui.post(s + "/send", new JsonObject().put("data", "x".repeat(3000)));
      assertThat(sent.status()).as(sent.body()).isEqualTo(200);

      Awaitility.await()
          .atMost(10, TimeUnit.SECONDS)
          .until(() -> ui.get(s + "/test.yaml").status() == 400);
      UiHarness.Reply r = ui.get(s + "/test.yaml");
      assertThat(r.error())
          .startsWith("the log kept only the first 1024 of the 3000 bytes sent at ")
          .endsWith(
              "record this exchange with --record on the command line, or clear the log and"
                  + " repeat it with shorter sends");
    }
  }
}
