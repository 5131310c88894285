package dev.socketdesk.web.internal;

import dev.socketdesk.engine.simulate.ErrorGroup;
import dev.socketdesk.engine.simulate.Simulation;
import dev.socketdesk.engine.simulate.Stats;
import dev.socketdesk.engine.simulate.Summary;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulation started from the page, with what the page shows of it. State moves starting ->
 * running -> done (or failed when it could not start). Control methods are thread-safe; {@link
 * #flush} and {@link #snapshot} run on the web event loop only.
 */
final class SimulationRun {
  static final long STATS_EVERY_MILLIS = 1000;

  private final int id;
  private final Simulation simulation;
  private final String sessionLabel;
  private final List<String> warnings;
  private final long startedAt = System.currentTimeMillis();
  private volatile String state = "starting";
  private volatile String where;
  private volatile String error;
  private volatile Summary summary;
  private volatile boolean changed = true;
  private final AtomicLong version = new AtomicLong();
  private long statsAtMillis;

  SimulationRun(int id, Simulation simulation, String sessionLabel, List<String> warnings) {
    this.id = id;
    this.simulation = simulation;
    this.sessionLabel = sessionLabel;
    this.warnings = List.copyOf(warnings);
    this.where = simulation.config().targetText();
  }

  int id() {
    return id;
  }

  Simulation simulation() {
    return simulation;
  }

  boolean finished() {
    return state.equals("done") || state.equals("failed");
  }

  synchronized void started(String boundOrTarget) {
    where = boundOrTarget;
    if (state.equals("starting")) {
      state = "running";
    }
    changed = true;
  }

  synchronized void failed(String message) {
    error = message;
    state = "failed";
    changed = true;
  }

  synchronized void done(Summary s) {
    summary = s;
    if (!state.equals("failed")) {
      state = "done";
    }
    changed = true;
  }

  /**
   * Everything the page shows of this run; {@code v} grows with every snapshot, so the page can
   * drop one that arrives after a newer one (an HTTP answer overtaken by a batch).
   */
  JsonObject snapshot() {
    JsonObject o = meta().put("v", version.incrementAndGet());
    if (!state.equals("starting") && !state.equals("failed")) {
      Summary s = summary;
      o.put("stats", statsJson(s != null ? s.stats() : simulation.stats()));
      o.put("errors", errorsJson(s != null ? s.errors() : simulation.errors()));
    }
    return o;
  }

  /** Meta on a change, fresh stats about once a second while running; null for nothing new. */
  JsonObject flush(long nowMillis) {
    boolean due = state.equals("running") && nowMillis - statsAtMillis >= STATS_EVERY_MILLIS;
    if (!changed && !due) {
      return null;
    }
    changed = false;
    statsAtMillis = nowMillis;
    JsonObject o = snapshot();
    if (due && summary == null) {
      o.put("sample", true);
    }
    return o;
  }

  private JsonObject meta() {
    JsonObject o =
        new JsonObject()
            .put("id", id)
            .put("profile", simulation.config().profile().cliName())
            .put("server", simulation.config().profile().isServer())
            .put("count", simulation.config().count())
            .put("target", where)
            .put("session", sessionLabel)
            .put("state", state)
            .put("error", error)
            .put("startedAt", startedAt)
            .put("warnings", new JsonArray(warnings));
    Summary s = summary;
    if (s != null) {
      o.put("summary", s.describe().strip());
    }
    return o;
  }

  static JsonArray errorsJson(List<ErrorGroup> groups) {
    JsonArray a = new JsonArray();
    for (ErrorGroup g : groups) {
      a.add(
          new JsonObject()
              .put("cause", g.cause().name().toLowerCase(Locale.ROOT).replace('_', '-'))
              .put("count", g.count())
              .put("description", g.cause().description())
              .put("example", g.example())
              .put("advice", g.cause().advice()));
    }
    return a;
  }

  static JsonObject statsJson(Stats s) {
    return new JsonObject()
        .put("t", System.currentTimeMillis())
        .put("elapsedMillis", s.elapsedMillis())
        .put("launched", s.launched())
        .put("connected", s.connected())
        .put("failed", s.failed())
        .put("closed", s.closed())
        .put("messagesIn", s.messagesIn())
        .put("messagesOut", s.messagesOut())
        .put("bytesIn", s.bytesIn())
        .put("bytesOut", s.bytesOut())
        .put("messagesInPerSecond", s.messagesInPerSecond())
        .put("messagesOutPerSecond", s.messagesOutPerSecond())
        .put("bytesInPerSecond", s.bytesInPerSecond())
        .put("bytesOutPerSecond", s.bytesOutPerSecond())
        .put("rttCount", s.rttCount())
        .put("rttP50Micros", s.rttP50Micros())
        .put("rttP99Micros", s.rttP99Micros())
        .put("rttMaxMicros", s.rttMaxMicros())
        .put("echoesVerified", s.echoesVerified())
        .put("echoMismatches", s.echoMismatches())
        .put("errors", s.errors());
  }
}
