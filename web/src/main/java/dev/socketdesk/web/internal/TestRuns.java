package dev.socketdesk.web.internal;

import dev.socketdesk.core.script.Suite;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The script runs started from the page: at most {@value #MAX_RUNNING} at once, and the last
 * {@value #KEEP_FINISHED} finished ones (older ones are dropped). Each run has its own daemon
 * thread. Thread-safe.
 */
final class TestRuns {
  static final int MAX_RUNNING = 4;
  static final int KEEP_FINISHED = 10;

  private final Map<Integer, TestRun> runs = new ConcurrentSkipListMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private volatile boolean closed;

  /** Starts running {@code suite}; the run is listed at once. */
  synchronized TestRun start(Suite suite) {
    if (closed) {
      throw ApiException.conflict("the UI server is shutting down");
    }
    long running = runs.values().stream().filter(r -> !r.finished()).count();
    if (running >= MAX_RUNNING) {
      throw ApiException.conflict(
          running + " test runs are going, the most at once; wait for one or cancel it");
    }
    TestRun run = new TestRun(nextId.getAndIncrement(), suite.name());
    runs.put(run.id(), run);
    prune();
    Thread t = new Thread(() -> run.run(suite), "socketdesk-page-test-" + run.id());
    t.setDaemon(true);
    t.start();
    return run;
  }

  TestRun run(int id) {
    TestRun run = runs.get(id);
    if (run == null) {
      throw ApiException.notFound("test run " + id + " does not exist; old runs are dropped");
    }
    return run;
  }

  private void prune() {
    List<TestRun> finished = runs.values().stream().filter(TestRun::finished).toList();
    for (int i = 0; i < finished.size() - KEEP_FINISHED; i++) {
      runs.remove(finished.get(i).id());
    }
  }

  /** Cancels every run; their threads end on their own (daemons). */
  void close() {
    closed = true;
    runs.values().forEach(TestRun::cancel);
  }
}
