package dev.socketdesk.web.internal;

import dev.socketdesk.core.script.ScriptException;
import dev.socketdesk.core.script.Scripts;
import dev.socketdesk.core.script.Suite;
import dev.socketdesk.engine.codec.AsciiNumbers;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON API of the Tests panel under {@code /api/tests}: start a run of a script (the raw YAML
 * as the body), poll it, cancel it. A bad script is a 400 whose error is the parser's one line
 * {@code line:column: problem; fix} and whose field is {@code script}.
 */
final class TestApi {
  /** The name scripts from the page get in errors and reports. */
  static final String SCRIPT_NAME = "script";

  private final TestRuns runs;

  TestApi(TestRuns runs) {
    this.runs = runs;
  }

  void mount(Router r) {
    r.post("/api/tests").handler(Bodies.script()).handler(this::start);
    r.get("/api/tests/:id").handler(ctx -> ok(ctx, runs.run(id(ctx)).snapshot()));
    r.post("/api/tests/:id/cancel")
        .handler(Bodies.empty())
        .handler(
            ctx -> {
              TestRun run = runs.run(id(ctx));
              run.cancel();
              ok(ctx, run.snapshot());
            });
  }

  private void start(RoutingContext ctx) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(Bodies.raw(ctx).getBytes()))
              .toString();
    } catch (CharacterCodingException e) {
      ApiErrors.send(ctx, 400, "the script is not UTF-8; save it as UTF-8", "script");
      return;
    }
    Suite suite;
    try {
      suite = Scripts.parseDetached(SCRIPT_NAME, text);
    } catch (ScriptException e) {
      String where = e.location().line() + ":" + e.location().column();
      ApiErrors.send(ctx, 400, where + ": " + e.problem(), "script");
      return;
    }
    ok(ctx, runs.start(suite).snapshot());
  }

  private static int id(RoutingContext ctx) {
    String text = ctx.pathParam("id");
    long id = text == null ? -1 : AsciiNumbers.parse(text, -1);
    if (id < 0 || id > Integer.MAX_VALUE) {
      throw ApiException.badRequest("test run id '" + text + "' is not a number");
    }
    return (int) id;
  }

  private static void ok(RoutingContext ctx, JsonObject json) {
    ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(json.encode());
  }
}
