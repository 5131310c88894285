package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.PeriodicSend;
import io.netty.channel.EventLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs one {@link PeriodicSend}: the first send at once, then one per interval. */
final class PeriodicTask {
  private final AbstractSession session;
  private final PeriodicSend send;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private volatile ScheduledFuture<?> timer;
  private long sent;

  PeriodicTask(AbstractSession session, PeriodicSend send) {
    this.session = session;
    this.send = send;
  }

  CompletableFuture<Void> done() {
    return done;
  }

  void start(EventLoop loop) {
    long interval = send.interval().toNanos();
    timer = loop.scheduleAtFixedRate(this::tick, 0, interval, TimeUnit.NANOSECONDS);
    if (done.isDone()) {
      timer.cancel(false);
    }
  }

  void stop() {
    ScheduledFuture<?> t = timer;
    if (t != null) {
      t.cancel(false);
    }
    done.complete(null);
  }

  /** Event-loop thread only. */
  private void tick() {
    if (done.isDone() || session.defaultTargets().isEmpty()) {
      return;
    }
    CompletableFuture<Void> write = session.send(send.payload(sent++));
    if (send.count() > 0 && sent >= send.count()) {
      timer.cancel(false);
      write.whenComplete((ok, error) -> done.complete(null));
    }
  }
}
