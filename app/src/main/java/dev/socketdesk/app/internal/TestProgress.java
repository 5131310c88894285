package dev.socketdesk.app.internal;

import dev.socketdesk.core.script.RunListener;
import dev.socketdesk.core.script.RunReport;
import dev.socketdesk.core.script.Status;
import dev.socketdesk.core.script.StepResult;
import dev.socketdesk.core.script.TestResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints a script run for a person: a header per test, one line per step as it ends (pass or fail,
 * duration), the test's verdict, and a summary. With several jobs, each test's lines are held back
 * and printed together when it ends, so that tests running at once do not interleave.
 */
public final class TestProgress implements RunListener {
  private final PrintWriter out;
  private final boolean buffered;
  private final Map<String, List<String>> held = new ConcurrentHashMap<>();

  public TestProgress(PrintWriter out, boolean buffered) {
    this.out = out;
    this.buffered = buffered;
  }

  @Override
  public void testStarted(String file, String test, int run) {
    emit(key(file, test, run), file + ": " + test + (run > 1 ? " (run " + run + ")" : ""));
  }

  @Override
  public void stepFinished(String file, String test, int run, StepResult step) {
    String indent = "  ".repeat(step.depth() + 1);
    String verdict =
        switch (step.status()) {
          case PASSED -> "ok  ";
          case FAILED -> "FAIL";
          case INTERRUPTED -> "STOP";
        };
    String line = indent + verdict + "  " + step.step() + "  " + step.millis() + " ms";
    if (step.status() != Status.PASSED) {
      line += "  (" + step.location() + ")\n" + indent + "      " + step.message();
    }
    emit(key(file, test, run), line);
  }

  @Override
  public void testFinished(TestResult result) {
    String key = key(result.file(), result.name(), result.run());
    emit(key, verdict(result.status()) + "  " + result.name() + "  (" + result.millis() + " ms)");
    if (buffered) {
      List<String> lines = held.remove(key);
      if (lines != null) {
        synchronized (out) {
          lines.forEach(out::println);
          out.flush();
        }
      }
    }
  }

  /** The last line: how many tests passed and failed, and how long the run took. */
  public void summary(RunReport report) {
    long interrupted =
        report.tests().stream().filter(t -> t.status() == Status.INTERRUPTED).count();
    synchronized (out) {
      out.println(
          String.format(
              Locale.ROOT,
              "%d passed, %d failed%s (%.1f s)%s",
              report.passed(),
              report.failed() - interrupted,
              interrupted > 0 ? ", " + interrupted + " interrupted" : "",
              report.millis() / 1000.0,
              report.interrupted() ? "; the run was interrupted" : ""));
      out.flush();
    }
  }

  private static String verdict(Status status) {
    return switch (status) {
      case PASSED -> "PASS";
      case FAILED -> "FAIL";
      case INTERRUPTED -> "STOPPED";
    };
  }

  private void emit(String key, String line) {
    if (buffered) {
      held.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
      return;
    }
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  private static String key(String file, String test, int run) {
    return file + "\u0000" + test + "\u0000" + run;
  }
}
