package dev.socketdesk.web.internal;

import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.simulate.Limits;
import dev.socketdesk.engine.simulate.Simulation;
import dev.socketdesk.engine.simulate.SimulationConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulations started from the page: running ones and the last {@value #KEEP_FINISHED} finished
 * ones. Thread-safe; {@link #flush} runs on the web event loop only.
 */
final class Simulations {
  static final int KEEP_FINISHED = 10;
  static final int MAX_RUNNING = 8;

  private final Map<Integer, SimulationRun> runs = new ConcurrentSkipListMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private volatile boolean closed;

  /** The warnings {@code config} would get (open-file limit, local port range). */
  static List<String> check(SimulationConfig config) {
    return Limits.current().warnings(config);
  }

  /**
   * Starts a simulation; the run is listed at once and its start completes with its snapshot, or
   * fails with a one-line message (port in use, unknown host), after which it is listed as failed.
   */
  CompletableFuture<SimulationRun> start(SimulationConfig config, String sessionLabel) {
    if (closed) {
      throw ApiException.conflict("the UI server is shutting down");
    }
    long running = runs.values().stream().filter(r -> !r.finished()).count();
    if (running >= MAX_RUNNING) {
      throw ApiException.conflict(
          running + " simulations are running, the most at once; stop one first");
    }
    Simulation sim = new Simulation(config);
    SimulationRun run =
        new SimulationRun(nextId.getAndIncrement(), sim, sessionLabel, sim.checkLimits());
    runs.put(run.id(), run);
    prune();
    sim.done()
        .whenComplete(
            (summary, failure) -> {
              if (summary != null) {
                run.done(summary);
              }
            });
    return sim.start()
        .handle(
            (address, failure) -> {
              if (failure != null) {
                String message = ApiErrors.messageOf(ApiErrors.unwrap(failure));
                run.failed(message);
                sim.stop();
                throw new ApiException(409, message);
              }
              run.started(HostPort.format(address));
              return run;
            });
  }

  SimulationRun run(int id) {
    SimulationRun run = runs.get(id);
    if (run == null) {
      throw ApiException.notFound("simulation " + id + " does not exist; it was removed");
    }
    return run;
  }

  /** Removes a finished run from the list. */
  void remove(int id) {
    SimulationRun run = run(id);
    if (!run.finished()) {
      throw ApiException.conflict("simulation " + id + " is still running; stop it first");
    }
    runs.remove(id);
  }

  JsonArray snapshot() {
    JsonArray list = new JsonArray();
    runs.values().forEach(r -> list.add(r.snapshot()));
    return list;
  }

  /** What changed since the last flush; empty for nothing. */
  JsonArray flush(long nowMillis) {
    JsonArray changed = new JsonArray();
    for (SimulationRun run : runs.values()) {
      JsonObject o = run.flush(nowMillis);
      if (o != null) {
        changed.add(o);
      }
    }
    return changed;
  }

  private void prune() {
    List<SimulationRun> finished = runs.values().stream().filter(SimulationRun::finished).toList();
    for (int i = 0; i < finished.size() - KEEP_FINISHED; i++) {
      runs.remove(finished.get(i).id());
    }
  }

  /** Stops every simulation and waits up to 10 s for their devices to close. */
  void close() {
    closed = true;
    CompletableFuture<?>[] stopping =
        runs.values().stream().map(r -> r.simulation().stop()).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(stopping).get(10, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // Closing regardless; the simulations' threads are daemons.
    }
  }
}
