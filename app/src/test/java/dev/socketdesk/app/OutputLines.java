package dev.socketdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A program's output lines as they arrive, for a test to wait on: the next line a filter accepts,
 * skipping the others. Thread-safe.
 */
final class OutputLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final long waitSeconds;
  private final Supplier<String> context;

  /**
   * @param context what a failure adds to its message, such as the program's state.
   */
  OutputLines(long waitSeconds, Supplier<String> context) {
    this.waitSeconds = waitSeconds;
    this.context = context;
  }

  void add(String line) {
    lines.add(line);
  }

  /** The next line {@code filter} accepts, skipping others; fails after the wait. */
  String next(Predicate<String> filter) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
    List<String> skipped = new ArrayList<>();
    while (true) {
      long left = deadline - System.nanoTime();
      String line;
      try {
        line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      if (line == null) {
        throw new AssertionError(
            "no matching output line within "
                + waitSeconds
                + " s; skipped: "
                + skipped
                + context.get());
      }
      if (filter.test(line)) {
        return line;
      }
      skipped.add(line);
    }
  }

  /** The next JSON event named {@code name} that {@code which} accepts; others are skipped. */
  JsonNode nextEvent(String name, Predicate<JsonNode> which) {
    return json(
        next(
            l ->
                l.startsWith("{")
                    && json(l).path("event").asText().equals(name)
                    && which.test(json(l))));
  }

  static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
