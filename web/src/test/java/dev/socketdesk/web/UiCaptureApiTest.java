package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The capture and log export routes of a session. */
@Timeout(60)
class UiCaptureApiTest {
  @TempDir Path config;

  @Test
  void captureStartsStopsAndDownloads() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      UiHarness.Reply none = ui.get("/api/sessions/1/capture.pcap");
      assertThat(none.status()).isEqualTo(404);
      int id = ui.create(UiServerApiTest.tcpServer(0));
      String s = "/api/sessions/" + id;
      UiHarness.Reply early = ui.get(s + "/capture.pcap");
      assertThat(early.status()).isEqualTo(409);
      assertThat(early.json().getString("code")).isEqualTo("invalid");
      assertThat(early.error()).contains("no capture yet");

      UiHarness.Reply started = ui.post(s + "/capture", new JsonObject());
      assertThat(started.status()).as(started.body()).isEqualTo(200);
      String name = started.json().getString("file");
      assertThat(name).startsWith("session-" + id + "-").endsWith(".pcap");
      assertThat(config.resolve("captures").resolve(name)).exists();
      JsonObject tab = ui.get("/api/state").json().getJsonArray("tabs").getJsonObject(0);
      assertThat(tab.getJsonObject("capture").getBoolean("on")).isTrue();
      String local = tab.getString("local");
      int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1));
      try (Socket board = new Socket("127.0.0.1", port)) {
        OutputStream out = board.getOutputStream();
        out.write("ping".getBytes(StandardCharsets.UTF_8));
        out.flush();
        Awaitility.await()
            .atMost(10, TimeUnit.SECONDS)
            .until(
                () ->
                    ui.get("/api/state")
                            .json()
                            .getJsonArray("tabs")
                            .getJsonObject(0)
                            .getJsonObject("counters")
                            .getLong("bytesIn")
                        == 4);
      }
      UiHarness.Reply stopped =
          ui.send(
              HttpRequest.newBuilder(URI.create(ui.base() + s + "/capture"))
                  .header("Origin", ui.origin())
                  .DELETE());
      assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
      UiHarness.Reply pcap = ui.get(s + "/capture.pcap");
      assertThat(pcap.status()).isEqualTo(200);
      byte[] file = Files.readAllBytes(config.resolve("captures").resolve(name));
      assertThat(file).startsWith(0xa1, 0xb2, 0xc3, 0xd4);
      assertThat(new String(file, StandardCharsets.ISO_8859_1)).contains("ping");

      UiHarness.Reply jsonl = ui.get(s + "/log.jsonl");
      assertThat(jsonl.status()).isEqualTo(200);
      assertThat(jsonl.body().lines())
          .anyMatch(l -> new JsonObject(l).getString("event").equals("received"))
          .allMatch(l -> new JsonObject(l).containsKey("ts"));
      UiHarness.Reply csv = ui.get(s + "/log.csv");
      assertThat(csv.body().lines().findFirst())
          .hasValue("ts,event,peerId,peer,bytes,text,hex,reason,message,code,kind");
      assertThat(csv.body()).contains(",received,1,", ",ping,70 69 6E 67,");
    }
  }
}
