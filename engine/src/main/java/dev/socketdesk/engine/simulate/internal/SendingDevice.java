package dev.socketdesk.engine.simulate.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What every simulated client device shares: counting itself up and down, and sending on a timer
 * or, with a zero interval, as fast as the channel stays writable. One instance per channel;
 * event-loop thread only.
 */
abstract class SendingDevice extends ChannelInboundHandlerAdapter {
  private static final int FLOOD_BATCH = 64;

  final RunContext run;
  final int id;
  ChannelHandlerContext ctx;

  /** Messages sent so far; the next one is {@code seq + 1}. */
  long seq;

  /** When the oldest unanswered payload went out, for the RTT; 0 when none is outstanding. */
  long lastSendNanos;

  boolean finishing;
  private ScheduledFuture<?> timer;
  private boolean active;

  SendingDevice(RunContext run, int id) {
    this.run = run;
    this.id = id;
  }

  /** Sends the next payload (incrementing {@link #seq}), flushing when asked. */
  abstract void sendNext(boolean flush);

  /** Everything is sent: end the device gracefully. The timer is already cancelled. */
  abstract void finishSending();

  /** Counts the device as up. Returns false when the run is stopping and the channel was closed. */
  final boolean activate(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    active = true;
    run.stats.connected.increment();
    run.track(ctx.channel());
    if (run.stopping()) {
      ctx.close();
      return false;
    }
    return true;
  }

  /** Starts the timed or flat-out sends. */
  final void startSending() {
    if (run.intervalNanos == 0) {
      flood();
    } else {
      timer =
          ctx.executor()
              .scheduleAtFixedRate(this::tick, 0, run.intervalNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void tick() {
    if (finishing || !ctx.channel().isActive()) {
      return;
    }
    sendNext(true);
    if (run.sentAll(seq)) {
      finish();
    }
  }

  private void flood() {
    if (finishing || !ctx.channel().isActive()) {
      return;
    }
    int batch = 0;
    while (ctx.channel().isWritable() && batch++ < FLOOD_BATCH && !run.sentAll(seq)) {
      sendNext(false);
    }
    ctx.flush();
    if (run.sentAll(seq)) {
      finish();
    } else if (ctx.channel().isWritable()) {
      ctx.executor().execute(this::flood);
    }
  }

  /** Stops sending: no more payloads, then {@link #finishSending()}. */
  final void finish() {
    finishing = true;
    cancelTimer();
    finishSending();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (run.intervalNanos == 0 && ctx.channel().isWritable() && this.ctx != null) {
      flood();
    }
    ctx.fireChannelWritabilityChanged();
  }

  /** Counts the device as closed, once. Returns false when it already was. */
  final boolean deactivate() {
    cancelTimer();
    if (!active) {
      return false;
    }
    active = false;
    run.stats.connected.decrement();
    run.stats.closed.increment();
    return true;
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
