package dev.socketdesk.engine.simulate.internal;

import dev.socketdesk.engine.simulate.Profile;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.ssl.SslHandler;
import java.util.concurrent.TimeUnit;

/**
 * One simulated TCP client device: echo-client, periodic-client or sensor. One instance per
 * channel; event-loop thread only.
 *
 * <p>An echo-client's messages are its greeting and each echo (prefix and chunk): they count
 * towards {@code --messages}, and with echo verification each is expected back as sent, so that
 * against an echo server every round trip is verified instead of bouncing unchecked.
 */
final class TcpDevice extends SendingDevice {
  private final EchoVerifier verifier;
  private final SensorReadings sensor;

  TcpDevice(RunContext run, int id) {
    super(run, id);
    this.verifier = run.config.verifyEcho() ? new EchoVerifier() : null;
    this.sensor = run.config.profile() == Profile.SENSOR ? new SensorReadings(id) : null;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    if (!activate(ctx)) {
      return;
    }
    if (run.config.profile() == Profile.ECHO_CLIENT) {
      if (run.greeting.length > 0) {
        seq++;
        expectBack(run.greeting, System.nanoTime());
        write(run.greeting, true);
        if (run.sentAll(seq)) {
          finish();
        }
      }
    } else {
      startSending();
    }
  }

  @Override
  void sendNext(boolean flush) {
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
  @Override
  void finishSending() {
    if (ctx.channel() instanceof DuplexChannel duplex) {
      SslHandler ssl = ctx.pipeline().get(SslHandler.class);
      if (ssl == null) {
        duplex.shutdownOutput();
      } else {
        // TLS first says it sends no more (close_notify), then the TCP half-close follows.
        ssl.closeOutbound().addListener(f -> duplex.shutdownOutput());
      }
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
    if (run.config.profile() == Profile.ECHO_CLIENT) {
      if (verifier != null && !verifier.check(data, now, run.stats)) {
        run.stats.echoMismatches.increment();
      }
      if (!run.stopping() && !finishing) {
        echo(data, now);
      } else {
        data.release();
      }
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

  /** Sends {@code data} back with the prefix, as one message; takes over {@code data}. */
  private void echo(ByteBuf data, long now) {
    seq++;
    int length = run.echoPrefix.length + data.readableBytes();
    run.stats.sent(length);
    if (verifier != null) {
      byte[] sent = new byte[length];
      System.arraycopy(run.echoPrefix, 0, sent, 0, run.echoPrefix.length);
      data.getBytes(data.readerIndex(), sent, run.echoPrefix.length, data.readableBytes());
      expectBack(sent, now);
    }
    if (run.echoPrefix.length > 0) {
      ctx.write(Unpooled.wrappedBuffer(run.echoPrefix), ctx.voidPromise());
    }
    ctx.write(data, ctx.voidPromise());
    if (run.sentAll(seq)) {
      ctx.flush();
      finish();
    }
  }

  private void expectBack(byte[] payload, long now) {
    if (verifier != null) {
      verifier.expect(payload, now);
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
    if (deactivate()) {
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
}
