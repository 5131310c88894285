package dev.socketdesk.web.internal;

import dev.socketdesk.core.event.EventCsv;
import dev.socketdesk.core.event.EventJson;
import dev.socketdesk.core.event.EventRecord;
import dev.socketdesk.engine.SessionException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A session's records under {@code /api/sessions/:id}: its capture (start, stop, download the pcap
 * file) and its log exported as JSON lines or CSV, both written from the core's event record, or as
 * a test script by the core's recorder. Captures go to {@code captures/} beside the settings file.
 */
final class CaptureApi {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final SessionHub hub;
  private final Path dir;

  CaptureApi(SessionHub hub) {
    this.hub = hub;
    this.dir = hub.settings().dir().resolve("captures");
  }

  void mount(Router r) {
    r.post("/api/sessions/:id/capture").handler(Bodies.empty()).handler(this::start);
    r.delete("/api/sessions/:id/capture").handler(Bodies.empty()).handler(this::stop);
    r.get("/api/sessions/:id/capture.pcap").handler(this::download);
    r.get("/api/sessions/:id/log.jsonl").handler(ctx -> export(ctx, false));
    r.get("/api/sessions/:id/log.csv").handler(ctx -> export(ctx, true));
    r.get("/api/sessions/:id/test.yaml").handler(this::testScript);
  }

  /** The log as a test script ("Save as test"); 400 for a kind of session scripts cannot open. */
  private void testScript(RoutingContext ctx) {
    SessionTab tab = hub.tab(SessionApi.id(ctx));
    String yaml = tab.testScript();
    ctx.response()
        .putHeader("Content-Type", "application/yaml; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"session-" + tab.id() + ".yaml\"")
        .putHeader("Cache-Control", "no-store")
        .end(yaml);
  }

  private void start(RoutingContext ctx) {
    SessionTab tab = hub.tab(SessionApi.id(ctx));
    Path file =
        dir.resolve("session-" + tab.id() + "-" + LocalDateTime.now().format(STAMP) + ".pcap");
    ctx.vertx()
        .executeBlocking(
            () -> {
              Files.createDirectories(dir);
              tab.startCapture(file);
              return file;
            })
        .onComplete(
            ar -> {
              if (ar.failed()) {
                ApiErrors.fail(ctx, ar.cause());
                return;
              }
              hub.publish(tab);
              SessionApi.ok(ctx, new JsonObject().put("file", file.getFileName().toString()));
            });
  }

  private void stop(RoutingContext ctx) {
    SessionTab tab = hub.tab(SessionApi.id(ctx));
    tab.stopCapture();
    hub.publish(tab);
    SessionApi.ok(ctx, new JsonObject().put("ok", true));
  }

  private void download(RoutingContext ctx) {
    SessionTab tab = hub.tab(SessionApi.id(ctx));
    Path file = tab.captureFile();
    if (file == null || !Files.isRegularFile(file)) {
      throw new SessionException(
          SessionException.Kind.INVALID,
          "session " + tab.id() + " has no capture yet; press Record first");
    }
    ctx.response()
        .putHeader("Content-Type", "application/vnd.tcpdump.pcap")
        .putHeader("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"")
        .putHeader("Cache-Control", "no-store")
        .sendFile(file.toString());
  }

  private void export(RoutingContext ctx, boolean csv) {
    SessionTab tab = hub.tab(SessionApi.id(ctx));
    List<EventRecord> records = tab.logRecords();
    StringBuilder b = new StringBuilder();
    if (csv) {
      b.append(EventCsv.HEADER).append("\r\n");
      records.forEach(r -> b.append(EventCsv.row(r)).append("\r\n"));
    } else {
      records.forEach(r -> b.append(EventJson.line(r)).append('\n'));
    }
    String name = "session-" + tab.id() + (csv ? ".csv" : ".jsonl");
    ctx.response()
        .putHeader(
            "Content-Type", csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8")
        .putHeader("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .putHeader("Cache-Control", "no-store")
        .end(b.toString());
  }
}
