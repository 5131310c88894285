package dev.socketdesk.app.internal;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Line output to a buffered writer. Data lines are flushed within 50 ms, so a fast stream does not
 * pay for a flush per line; lifecycle lines are flushed at once. The flush timer runs only while
 * lines wait, so an idle session wakes nothing. When the output breaks (a closed pipe, as with
 * {@code | head -1}), {@code onBroken} runs once, outside the lock. Thread-safe.
 */
final class Output implements AutoCloseable {
  private static final long FLUSH_MILLIS = 50;

  private final PrintWriter out;
  private final Object lock = new Object();
  private final ScheduledExecutorService flusher;
  private final Runnable onBroken;
  // Guarded by lock.
  private boolean flushScheduled;
  private boolean broken;
  private boolean closed;

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
  }

  /** Writes a line; flushes now when {@code urgent}, else within 50 ms. */
  void line(String line, boolean urgent) {
    boolean justBroke = false;
    synchronized (lock) {
      out.println(line);
      if (urgent) {
        justBroke = flushChecked();
      } else if (!flushScheduled && !closed) {
        flushScheduled = true;
        flusher.schedule(this::scheduledFlush, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
      }
    }
    if (justBroke) {
      onBroken.run();
    }
  }

  void flush() {
    boolean justBroke;
    synchronized (lock) {
      justBroke = flushChecked();
    }
    if (justBroke) {
      onBroken.run();
    }
  }

  private void scheduledFlush() {
    synchronized (lock) {
      flushScheduled = false;
    }
    flush();
  }

  /** Holds the lock. Flushes; true when this flush found the output broken for the first time. */
  private boolean flushChecked() {
    if (out.checkError() && !broken) {
      broken = true;
      return true;
    }
    return false;
  }

  /** Flushes and stops the flush timer; the writer itself stays open. */
  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
    }
    flusher.shutdownNow();
    flush();
  }
}
