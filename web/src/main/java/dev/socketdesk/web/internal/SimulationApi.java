package dev.socketdesk.web.internal;

import dev.socketdesk.engine.codec.AsciiNumbers;
import dev.socketdesk.engine.simulate.SimulationConfig;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The JSON API of the Simulate devices panel under {@code /api/simulations}: check limits, start,
 * stop, list, remove. Live figures go to the pages in the hub's batches.
 */
final class SimulationApi {
  private final SessionHub hub;
  private final Simulations sims;

  SimulationApi(SessionHub hub) {
    this.hub = hub;
    this.sims = hub.simulations();
  }

  void mount(Router r) {
    r.get("/api/simulations")
        .handler(ctx -> ok(ctx, new JsonObject().put("simulations", sims.snapshot())));
    r.post("/api/simulations/check")
        .handler(Bodies.json())
        .handler(
            ctx ->
                ok(
                    ctx,
                    new JsonObject()
                        .put("warnings", new JsonArray(Simulations.check(config(ctx))))));
    r.post("/api/simulations").handler(Bodies.json()).handler(this::start);
    r.post("/api/simulations/:id/stop").handler(Bodies.empty()).handler(this::stop);
    r.delete("/api/simulations/:id")
        .handler(Bodies.empty())
        .handler(
            ctx -> {
              int id = id(ctx);
              sims.remove(id);
              hub.broadcast(new JsonObject().put("type", "simRemoved").put("id", id));
              ok(ctx, new JsonObject().put("ok", true));
            });
  }

  private SimulationConfig config(RoutingContext ctx) {
    JsonObject body = body(ctx);
    return SimulationSpec.parse(body, id -> hub.tab(id).requireOpen());
  }

  private void start(RoutingContext ctx) {
    JsonObject body = body(ctx);
    SimulationConfig config = SimulationSpec.parse(body, id -> hub.tab(id).requireOpen());
    Object session = body.getValue("session");
    String label =
        session == null || session.toString().isBlank() || config.profile().isServer()
            ? null
            : "#" + session.toString().trim();
    Context context = Vertx.currentContext();
    sims.start(config, label)
        .whenComplete(
            (run, failure) ->
                context.runOnContext(
                    v -> {
                      if (failure != null) {
                        Throwable t = ApiErrors.unwrap(failure);
                        ApiErrors.send(ctx, ApiErrors.statusOf(t), ApiErrors.messageOf(t));
                      } else {
                        ok(ctx, run.snapshot());
                      }
                    }));
  }

  private void stop(RoutingContext ctx) {
    SimulationRun run = sims.run(id(ctx));
    Context context = Vertx.currentContext();
    run.simulation()
        .stop()
        .whenComplete(
            (summary, failure) ->
                context.runOnContext(
                    v -> {
                      if (summary != null) {
                        run.done(summary);
                      }
                      ok(ctx, run.snapshot());
                    }));
  }

  private static int id(RoutingContext ctx) {
    String text = ctx.pathParam("id");
    long id = text == null ? -1 : AsciiNumbers.parse(text, -1);
    if (id < 0 || id > Integer.MAX_VALUE) {
      throw ApiException.badRequest("simulation id '" + text + "' is not a number");
    }
    return (int) id;
  }

  private static JsonObject body(RoutingContext ctx) {
    JsonObject o = ctx.body().asJsonObject();
    if (o == null) {
      throw ApiException.badRequest("the request has no JSON body");
    }
    return o;
  }

  private static void ok(RoutingContext ctx, Object json) {
    ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(json.toString());
  }
}
