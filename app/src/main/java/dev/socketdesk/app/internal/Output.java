package dev.socketdesk.app.internal;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Line output to a buffered writer. Data lines are flushed at most every 50 ms, so a fast stream
 * does not pay for a flush per line; lifecycle lines are flushed at once. When the output breaks (a
 * closed pipe, as with {@code | head -1}), {@code onBroken} runs once. Thread-safe.
 */
final class Output implements AutoCloseable {
  private static final long FLUSH_MILLIS = 50;

  private final PrintWriter out;
  private final Object lock = new Object();
  private final ScheduledExecutorService flusher;
  private final Runnable onBroken;
  private boolean dirty;
  private boolean broken;

  Output(PrintWriter out, Runnable onBroken) {
    this.out = out;
    this.onBroken = onBroken;
    this.flusher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "socketdesk-output-flush");
              t.setDaemon(true);
              return t;
            });
    flusher.scheduleWithFixedDelay(
        this::flushIfDirty, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Writes a line; flushes now when {@code urgent}, else within 50 ms. */
  void line(String line, boolean urgent) {
    synchronized (lock) {
      out.println(line);
      if (urgent) {
        flushChecked();
      } else {
        dirty = true;
      }
    }
  }

  void flush() {
    synchronized (lock) {
      flushChecked();
    }
  }

  private void flushIfDirty() {
    synchronized (lock) {
      if (dirty) {
        flushChecked();
      }
    }
  }

  /** Holds the lock. */
  private void flushChecked() {
    dirty = false;
    if (out.checkError() && !broken) {
      broken = true;
      onBroken.run();
    }
  }

  /** Flushes and stops the flush timer; the writer itself stays open. */
  @Override
  public void close() {
    flusher.shutdownNow();
    flush();
  }
}
