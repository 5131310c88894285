package dev.socketdesk.engine.internal.session;

import io.netty.channel.EventLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/** A session's periodic send: at most one runs; a new one replaces it. */
final class SessionPeriodic {
  private final AtomicReference<PeriodicTask> running = new AtomicReference<>();

  /**
   * Runs {@code task} on {@code loop} in place of the running one; a session that has {@code ended}
   * stops it at once. Completes when the task ends.
   */
  CompletableFuture<Void> start(PeriodicTask task, boolean ended, EventLoop loop) {
    PeriodicTask old = running.getAndSet(task);
    if (old != null) {
      old.stop();
    }
    if (ended) {
      task.stop();
    } else {
      task.start(loop);
    }
    return task.done();
  }

  /** Stops the running task, if any. */
  void stop() {
    PeriodicTask task = running.getAndSet(null);
    if (task != null) {
      task.stop();
    }
  }
}
