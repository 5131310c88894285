package dev.socketdesk.engine.simulate.internal;

import dev.socketdesk.engine.simulate.Profile;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One simulated TCP client device: echo-client, periodic-client or sensor. One instance per
 * channel; event-loop thread only.
 */
final class TcpDevice extends ChannelInboundHandlerAdapter {
  private static final int FLOOD_BATCH = 64;
  private final RunContext run;
  private final int id;
  private final EchoVerifier verifier;
  private final SensorReadings sensor;
  private ChannelHandlerContext ctx;
  private ScheduledFuture<?> timer;
  private long seq;
  private long lastSendNanos;
  private boolean finishing;
  private boolean connected;

  TcpDevice(RunContext run, int id) {
    this.run = run;
    this.id = id;
    this.verifier = run.config.verifyEcho() ? new EchoVerifier() : null;
    this.sensor = run.config.profile() == Profile.SENSOR ? new SensorReadings(id) : null;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    connected = true;
    run.stats.connected.increment();
    run.track(ctx.channel());
    if (run.stopping()) {
      ctx.close();
      return;
    }
    if (run.config.profile() == Profile.ECHO_CLIENT) {
      if (run.greeting.length > 0) {
        write(run.greeting, true);
      }
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

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (run.intervalNanos == 0 && ctx.channel().isWritable() && this.ctx != null) {
      flood();
    }
    ctx.fireChannelWritabilityChanged();
  }

  private void sendNext(boolean flush) {
    seq++;
    byte[] payload =
        sensor != null
            ? run.payloads.encode(
                sensor.next(run.config.sensorFormat(), id, seq, System.currentTimeMillis()))
            : run.payloads.payload(id, seq);
    long now = System.nanoTime();
    if (verifier != null) {
      verifier.expect(payload, now);
    } else if (lastSendNanos == 0) {
      lastSendNanos = now;
    }
    write(payload, flush);
  }

  private void write(byte[] payload, boolean flush) {
    run.stats.sent(payload.length);
    ByteBuf buf = Unpooled.wrappedBuffer(payload);
    if (flush) {
      ctx.writeAndFlush(buf, ctx.voidPromise());
    } else {
      ctx.write(buf, ctx.voidPromise());
    }
  }

  /**
   * Sent all: half-close, so that the server flushes its answers and closes; close after the grace
   * time at the latest.
   */
  private void finish() {
    finishing = true;
    cancelTimer();
    if (ctx.channel() instanceof DuplexChannel duplex) {
      duplex.shutdownOutput();
    }
    ctx.executor()
        .schedule(
            () -> {
              if (ctx.channel().isActive()) {
                ctx.close();
              }
            },
            run.graceMillis,
            TimeUnit.MILLISECONDS);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf data = (ByteBuf) msg;
    long now = System.nanoTime();
    run.stats.received(data.readableBytes());
    if (run.config.profile() == Profile.ECHO_CLIENT && !run.stopping()) {
      int length = run.echoPrefix.length + data.readableBytes();
      run.stats.sent(length);
      if (run.echoPrefix.length > 0) {
        ctx.write(Unpooled.wrappedBuffer(run.echoPrefix), ctx.voidPromise());
      }
      ctx.write(data, ctx.voidPromise());
      return;
    }
    try {
      if (verifier != null) {
        if (!verifier.check(data, now, run.stats)) {
          run.stats.echoMismatches.increment();
        }
      } else if (lastSendNanos != 0) {
        run.stats.recordRtt(now - lastSendNanos);
        lastSendNanos = 0;
      }
    } finally {
      data.release();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (run.config.profile() == Profile.ECHO_CLIENT) {
      ctx.flush();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancelTimer();
    if (connected) {
      connected = false;
      run.stats.connected.decrement();
      run.stats.closed.increment();
      if (verifier != null && verifier.pending() > 0) {
        run.stats.echoMismatches.add(verifier.pending());
      }
      run.deviceDone();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    run.errors.record(cause);
    ctx.close();
  }

  private void cancelTimer() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
