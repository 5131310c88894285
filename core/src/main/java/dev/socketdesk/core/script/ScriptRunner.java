package dev.socketdesk.core.script;

import dev.socketdesk.core.script.internal.TestExecution;
import dev.socketdesk.engine.Engine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs suites: every test {@link RunSettings#repeat()} times, {@link RunSettings#jobs()} at a time,
 * each on its own engine sessions (the sessions the CLI opens for the same link). Each test stops
 * at its first failing step. {@link #cancel()} (Ctrl+C) stops the run; the report still holds every
 * test that started.
 */
public final class ScriptRunner {
  private final RunSettings settings;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private volatile ExecutorService pool;

  public ScriptRunner(RunSettings settings) {
    this.settings = settings;
  }

  /** Runs the suites and returns when every test has ended or the run was cancelled. */
  public RunReport run(List<Suite> suites, RunListener listener) {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    int threads = Math.min(settings.jobs(), Runtime.getRuntime().availableProcessors());
    List<Future<TestResult>> futures = new ArrayList<>();
    try (Engine engine = Engine.create(Math.max(1, threads))) {
      pool =
          Executors.newFixedThreadPool(
              settings.jobs(),
              r -> {
                Thread t = new Thread(r, "socketdesk-test");
                t.setDaemon(true);
                return t;
              });
      if (!cancelled.get()) {
        // cancel() may run from here on: it drops the tests not yet started, and shuts the pool,
        // which then refuses the rest of this loop's submissions.
        submitting:
        for (int run = 1; run <= settings.repeat(); run++) {
          for (Suite suite : suites) {
            for (TestCase test : suite.tests()) {
              TestExecution execution =
                  new TestExecution(
                      engine,
                      suite.file(),
                      suite.name(),
                      test,
                      run,
                      timeout(test),
                      settings.vars(),
                      listener);
              try {
                futures.add(pool.submit(execution::run));
              } catch (RejectedExecutionException cancelledMeanwhile) {
                break submitting;
              }
            }
          }
        }
      }
      List<TestResult> results = new ArrayList<>();
      for (Future<TestResult> f : futures) {
        TestResult result = await(f);
        if (result != null) {
          results.add(result);
        }
      }
      pool.shutdownNow();
      return new RunReport(
          results,
          settings.repeat(),
          started,
          (System.nanoTime() - t0) / 1_000_000,
          cancelled.get());
    }
  }

  private TestResult await(Future<TestResult> f) {
    while (true) {
      try {
        return f.get();
      } catch (java.util.concurrent.CancellationException e) {
        return null;
      } catch (ExecutionException e) {
        throw new IllegalStateException("a test run failed unexpectedly", e.getCause());
      } catch (InterruptedException e) {
        cancel();
      }
    }
  }

  private Duration timeout(TestCase test) {
    Duration own = test.timeout();
    Duration run = settings.timeout();
    if (own == null) {
      return run;
    }
    return run == null || own.compareTo(run) < 0 ? own : run;
  }

  /**
   * Stops the run: tests not started are dropped, running ones are interrupted and end with {@link
   * Status#INTERRUPTED}. Safe from any thread, e.g. a shutdown hook.
   */
  public void cancel() {
    cancelled.set(true);
    ExecutorService p = pool;
    if (p != null) {
      for (Runnable waiting : p.shutdownNow()) {
        if (waiting instanceof Future<?> f) {
          f.cancel(false);
        }
      }
    }
  }
}
