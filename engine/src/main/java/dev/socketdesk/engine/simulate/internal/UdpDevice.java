package dev.socketdesk.engine.simulate.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One simulated UDP client device: sends to the target at an interval (or flat out) and counts the
 * replies. One instance per channel; event-loop thread only.
 */
final class UdpDevice extends ChannelInboundHandlerAdapter {
  private static final int FLOOD_BATCH = 64;
  private final RunContext run;
  private final int id;
  private ChannelHandlerContext ctx;
  private ScheduledFuture<?> timer;
  private long seq;
  private long lastSendNanos;
  private boolean finishing;
  private boolean active;

  UdpDevice(RunContext run, int id) {
    this.run = run;
    this.id = id;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    active = true;
    run.stats.connected.increment();
    run.track(ctx.channel());
    if (run.stopping()) {
      ctx.close();
    } else if (run.intervalNanos == 0) {
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
    send(true);
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
      send(false);
    }
    ctx.flush();
    if (run.sentAll(seq)) {
      finish();
    } else if (ctx.channel().isWritable()) {
      ctx.executor().execute(this::flood);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (run.intervalNanos == 0 && ctx.channel().isWritable() && this.ctx != null) {
      flood();
    }
    ctx.fireChannelWritabilityChanged();
  }

  private void send(boolean flush) {
    seq++;
    byte[] payload = run.payloads.payload(id, seq);
    if (lastSendNanos == 0) {
      lastSendNanos = System.nanoTime();
    }
    run.stats.sent(payload.length);
    DatagramPacket packet = new DatagramPacket(Unpooled.wrappedBuffer(payload), run.target());
    if (flush) {
      ctx.writeAndFlush(packet, ctx.voidPromise());
    } else {
      ctx.write(packet, ctx.voidPromise());
    }
  }

  /** Sent all: wait the grace time for the last replies, then close. */
  private void finish() {
    finishing = true;
    cancelTimer();
    ctx.executor().schedule(() -> ctx.close(), run.graceMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    DatagramPacket packet = (DatagramPacket) msg;
    try {
      run.stats.received(packet.content().readableBytes());
      if (lastSendNanos != 0) {
        run.stats.recordRtt(System.nanoTime() - lastSendNanos);
        lastSendNanos = 0;
      }
    } finally {
      packet.release();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancelTimer();
    if (active) {
      active = false;
      run.stats.connected.decrement();
      run.stats.closed.increment();
      run.deviceDone();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    run.errors.record(cause);
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
