package dev.socketdesk.web.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socketdesk.core.spec.AutoActionsSpec;
import dev.socketdesk.core.spec.PeriodicSpec;
import dev.socketdesk.core.spec.SendFormatSpec;
import dev.socketdesk.core.spec.SendSpec;
import dev.socketdesk.core.spec.SessionSpec;
import dev.socketdesk.core.spec.SessionSpecs;
import dev.socketdesk.core.spec.SpecException;
import dev.socketdesk.engine.ControlLine;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.PeriodicSend;
import dev.socketdesk.engine.SerialPortInfo;
import dev.socketdesk.engine.codec.AsciiNumbers;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** The JSON API under {@code /api}: sessions, sending, automatic actions, settings. */
final class SessionApi {
  private final SessionHub hub;
  private final Vertx vertx;

  SessionApi(SessionHub hub, Vertx vertx) {
    this.hub = hub;
    this.vertx = vertx;
  }

  void mount(Router r) {
    r.get("/api/interfaces").handler(ctx -> ok(ctx, LocalAddresses.toJson()));
    r.get("/api/state").handler(ctx -> ok(ctx, hub.hello()));
    r.post("/api/sessions").handler(Bodies.json()).handler(this::create);
    r.post("/api/sessions/:id/open").handler(Bodies.empty()).handler(this::reopen);
    r.post("/api/sessions/:id/close")
        .handler(Bodies.empty())
        .handler(ctx -> reply(ctx, tab(ctx).close(), v -> done()));
    r.delete("/api/sessions/:id")
        .handler(Bodies.empty())
        .handler(ctx -> reply(ctx, hub.remove(id(ctx)), v -> done()));
    r.post("/api/sessions/:id/send").handler(Bodies.json()).handler(this::send);
    r.post("/api/sessions/:id/file").handler(Bodies.upload()).handler(this::sendFile);
    r.get("/api/sessions/:id/log").handler(ctx -> ok(ctx, tab(ctx).logTail()));
    r.post("/api/sessions/:id/peers/disconnect")
        .handler(Bodies.empty())
        .handler(
            ctx ->
                reply(ctx, tab(ctx).disconnectAll(), n -> new JsonObject().put("disconnected", n)));
    r.post("/api/sessions/:id/peers/:peer/disconnect")
        .handler(Bodies.empty())
        .handler(this::disconnect);
    r.put("/api/sessions/:id/auto").handler(Bodies.json()).handler(this::setAuto);
    r.post("/api/sessions/:id/periodic").handler(Bodies.json()).handler(this::startPeriodic);
    r.delete("/api/sessions/:id/periodic")
        .handler(Bodies.empty())
        .handler(
            ctx -> {
              tab(ctx).stopPeriodic();
              ok(ctx, done());
            });
    r.post("/api/sessions/:id/reset")
        .handler(Bodies.empty())
        .handler(
            ctx -> {
              tab(ctx).resetCounters();
              ok(ctx, done());
            });
    r.post("/api/sessions/:id/clear")
        .handler(Bodies.empty())
        .handler(
            ctx -> {
              SessionTab tab = tab(ctx);
              tab.clearLog();
              hub.publish(tab);
              ok(ctx, done());
            });
    r.put("/api/sessions/:id/display").handler(Bodies.json()).handler(this::setDisplay);
    r.post("/api/sessions/:id/lines").handler(Bodies.json()).handler(this::setControlLine);
    r.get("/api/serial-ports").handler(ctx -> ok(ctx, serialPorts()));
    r.get("/api/settings")
        .handler(
            ctx ->
                ok(
                    ctx,
                    new JsonObject()
                        .put("settings", hub.settings().get())
                        .put("problem", hub.settings().problem())));
    r.put("/api/settings").handler(Bodies.json()).handler(this::saveSettings);
  }

  private void create(RoutingContext ctx) {
    SessionSpec spec = SessionSpecs.readJson(ctx.body().asString(), SessionSpec.class);
    reply(
        ctx,
        hub.create(spec),
        tab -> {
          hub.publish(tab);
          return new JsonObject().put("id", tab.id());
        });
  }

  private void reopen(RoutingContext ctx) {
    SessionTab tab = tab(ctx);
    if (tab.reconnects()) {
      tab.open();
      hub.publish(tab);
      ok(ctx, done());
      return;
    }
    reply(
        ctx,
        tab.open(),
        local -> {
          hub.publish(tab);
          return new JsonObject().put("local", HostPort.format(local));
        });
  }

  private void send(RoutingContext ctx) {
    ObjectNode o = body(ctx);
    SendSpec send = SessionSpecs.fromTree(o, SendSpec.class);
    byte[] data = send.bytes(SessionSpecs.fromTree(o, SendFormatSpec.class).format());
    if (data.length == 0) {
      throw SpecException.worded(
          "data",
          "nothing to send: the message is empty; type some text or hex, or choose a line ending"
              + " to send just that");
    }
    reply(
        ctx,
        tab(ctx).send(data, send.peer(), send.to()),
        bytes -> new JsonObject().put("bytes", bytes));
  }

  private void sendFile(RoutingContext ctx) {
    byte[] data = Bodies.raw(ctx).getBytes();
    if (data.length == 0) {
      throw ApiException.badRequest("the file is empty; choose a file with content");
    }
    String peerText = ctx.request().getParam("peer");
    Integer peer = peerText == null || peerText.isBlank() ? null : parseInt(peerText, "peer");
    reply(ctx, tab(ctx).send(data, peer, null), bytes -> new JsonObject().put("bytes", bytes));
  }

  private void disconnect(RoutingContext ctx) {
    SessionTab tab = tab(ctx);
    int peer = parseInt(ctx.pathParam("peer"), "peer");
    reply(ctx, tab.requireOpen().disconnect(peer), v -> done());
  }

  private void setAuto(RoutingContext ctx) {
    ObjectNode o = body(ctx);
    AutoActionsSpec spec = SessionSpecs.fromTree(o, AutoActionsSpec.class);
    tab(ctx).setAutoActions(spec.actions(), new JsonObject(o.toString()));
    ok(ctx, done());
  }

  private void startPeriodic(RoutingContext ctx) {
    ObjectNode o = body(ctx);
    PeriodicSpec spec = SessionSpecs.fromTree(o, PeriodicSpec.class);
    PeriodicSend periodic = spec.periodic(SessionSpecs.fromTree(o, SendFormatSpec.class).format());
    if (periodic.payloads().stream().anyMatch(p -> p.length == 0)) {
      throw SpecException.worded(
          "data",
          "nothing to send: the message is empty; type some text or hex, or choose a line ending");
    }
    tab(ctx).startPeriodic(periodic);
    ok(ctx, done());
  }

  /** {@code {"line": "dtr", "on": true}}: sets or clears a serial port's control line. */
  private void setControlLine(RoutingContext ctx) {
    ObjectNode o = body(ctx);
    ControlLine line =
        switch (o.path("line").asText("").toLowerCase(Locale.ROOT)) {
          case "dtr" -> ControlLine.DTR;
          case "rts" -> ControlLine.RTS;
          default -> throw ApiException.badRequest("line must be \"dtr\" or \"rts\"");
        };
    if (!o.path("on").isBoolean()) {
      throw ApiException.badRequest("on must be true or false");
    }
    boolean on = o.path("on").asBoolean();
    reply(ctx, tab(ctx).requireOpen().setControlLine(line, on), v -> done());
  }

  /** The serial ports the system lists, for the page's dropdown. */
  private static JsonArray serialPorts() {
    JsonArray ports = new JsonArray();
    for (SerialPortInfo p : Engine.serialPorts()) {
      ports.add(new JsonObject().put("path", p.path()).put("description", p.description()));
    }
    return ports;
  }

  private void setDisplay(RoutingContext ctx) {
    SessionTab tab = tab(ctx);
    tab.setDisplayCharset(SessionSpecs.fromTree(body(ctx), SendFormatSpec.class).encoding());
    hub.publish(tab);
    ok(ctx, done());
  }

  private void saveSettings(RoutingContext ctx) {
    JsonObject settings = new JsonObject(body(ctx).toString());
    vertx
        .executeBlocking(
            () -> {
              hub.settings().save(settings);
              return done();
            })
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                ok(ctx, ar.result());
              } else {
                ApiErrors.fail(ctx, ar.cause());
              }
            });
  }

  private SessionTab tab(RoutingContext ctx) {
    return hub.tab(id(ctx));
  }

  static int id(RoutingContext ctx) {
    return parseInt(ctx.pathParam("id"), "session id");
  }

  /** A number in ASCII digits (Integer.parseInt also reads fullwidth digits), or a 400. */
  private static int parseInt(String text, String what) {
    long n = text == null ? Long.MIN_VALUE : AsciiNumbers.parse(text, Long.MIN_VALUE);
    if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
      throw ApiException.badRequest(what + " '" + text + "' is not a number");
    }
    return (int) n;
  }

  /** The JSON object of the body, or a 400 naming what is wrong with it. */
  static ObjectNode body(RoutingContext ctx) {
    return SessionSpecs.jsonObject(ctx.body().asString());
  }

  private static JsonObject done() {
    return new JsonObject().put("ok", true);
  }

  static void ok(RoutingContext ctx, Object json) {
    ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(json.toString());
  }

  /** Answers when {@code future} completes, back on the request's context. */
  private static <T> void reply(
      RoutingContext ctx, CompletionStage<T> future, Function<T, Object> body) {
    Context context = Vertx.currentContext();
    future.whenComplete(
        (value, failure) ->
            context.runOnContext(
                v -> {
                  if (failure != null) {
                    ApiErrors.fail(ctx, failure);
                    return;
                  }
                  try {
                    ok(ctx, body.apply(value));
                  } catch (RuntimeException e) {
                    ApiErrors.fail(ctx, e);
                  }
                }));
  }
}
