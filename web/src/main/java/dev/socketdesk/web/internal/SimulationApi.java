package dev.socketdesk.web.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socketdesk.core.spec.SendFormatSpec;
import dev.socketdesk.core.spec.SessionSpecs;
import dev.socketdesk.core.spec.SimulationSpec;
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
    return config(SessionApi.body(ctx));
  }

  private SimulationConfig config(ObjectNode body) {
    SimulationSpec spec =
        SimulationTargets.resolve(
            SessionSpecs.fromTree(body, SimulationSpec.class), id -> hub.tab(id).requireOpen());
    return spec.config(SessionSpecs.fromTree(body, SendFormatSpec.class).format());
  }

  private void start(RoutingContext ctx) {
    ObjectNode body = SessionApi.body(ctx);
    SimulationConfig config = config(body);
    Integer session = SessionSpecs.fromTree(body, SimulationSpec.class).session();
    String label = session == null || config.profile().isServer() ? null : "#" + session;
    Context context = Vertx.currentContext();
    sims.start(config, label)
        .whenComplete(
            (run, failure) ->
                context.runOnContext(
                    v -> {
                      if (failure != null) {
                        ApiErrors.fail(ctx, failure);
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

  private static void ok(RoutingContext ctx, Object json) {
    ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(json.toString());
  }
}
