package dev.socketdesk.web.internal;

import dev.socketdesk.core.script.RunListener;
import dev.socketdesk.core.script.RunReport;
import dev.socketdesk.core.script.RunSettings;
import dev.socketdesk.core.script.ScriptRunner;
import dev.socketdesk.core.script.Status;
import dev.socketdesk.core.script.StepResult;
import dev.socketdesk.core.script.Suite;
import dev.socketdesk.core.script.TestResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One script run started from the page's Tests panel, with what the page shows of it: each test's
 * steps as they end, its transcript once it ends, and the summary. State moves running -> done or
 * cancelled. Thread-safe: the runner's threads report, the web event loop reads {@link #snapshot}.
 */
final class TestRun implements RunListener {
  private final int id;
  private final String name;
  private final ScriptRunner runner = new ScriptRunner(RunSettings.defaults());
  private final Map<String, JsonObject> tests = new LinkedHashMap<>();
  private String state = "running";
  private String error;
  private RunReport report;

  TestRun(int id, String name) {
    this.id = id;
    this.name = name;
  }

  int id() {
    return id;
  }

  synchronized boolean finished() {
    return !state.equals("running");
  }

  /** Runs the suite on the calling thread and returns when it has ended. */
  void run(Suite suite) {
    try {
      RunReport r = runner.run(List.of(suite), this);
      synchronized (this) {
        report = r;
        state = r.interrupted() ? "cancelled" : "done";
        r.tests().forEach(this::testFinished);
      }
    } catch (RuntimeException e) {
      synchronized (this) {
        error = ApiErrors.oneLine(String.valueOf(e.getMessage()));
        state = "failed";
      }
    }
  }

  /** Stops the run; the tests that started end as interrupted. */
  void cancel() {
    runner.cancel();
  }

  @Override
  public synchronized void testStarted(String file, String test, int run) {
    test(test, run).put("status", "running");
  }

  @Override
  public synchronized void stepFinished(String file, String test, int run, StepResult step) {
    test(test, run).getJsonArray("steps").add(stepJson(step));
  }

  @Override
  public synchronized void testFinished(TestResult result) {
    JsonObject o = test(result.name(), result.run());
    JsonArray steps = new JsonArray();
    result.steps().forEach(s -> steps.add(stepJson(s)));
    o.put("status", status(result.status()))
        .put("millis", result.millis())
        .put("steps", steps)
        .put("transcript", result.transcript());
  }

  private JsonObject test(String test, int run) {
    return tests.computeIfAbsent(
        test + "\u0000" + run,
        k ->
            new JsonObject()
                .put("name", test)
                .put("run", run)
                .put("status", "running")
                .put("steps", new JsonArray()));
  }

  /** Everything the page shows of this run. */
  synchronized JsonObject snapshot() {
    JsonArray list = new JsonArray();
    tests.values().forEach(t -> list.add(t.copy()));
    JsonObject o =
        new JsonObject()
            .put("id", id)
            .put("name", name)
            .put("state", state)
            .put("error", error)
            .put("tests", list);
    if (report != null) {
      o.put(
          "summary",
          new JsonObject()
              .put("passed", report.passed())
              .put("failed", report.failed())
              .put("interrupted", report.interrupted())
              .put("millis", report.millis()));
    }
    return o;
  }

  private static JsonObject stepJson(StepResult s) {
    return new JsonObject()
        .put("step", s.step())
        .put("location", s.location() == null ? null : s.location().toString())
        .put("depth", s.depth())
        .put("status", status(s.status()))
        .put("millis", s.millis())
        .put("message", s.message())
        .put("expected", s.expected())
        .put("received", s.received());
  }

  private static String status(Status s) {
    return s.name().toLowerCase(Locale.ROOT);
  }
}
