package dev.socketdesk.engine.simulate.internal;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import java.util.concurrent.TimeUnit;

/**
 * One simulated UDP client device: sends to the target at an interval (or flat out) and counts the
 * replies. One instance per channel; event-loop thread only.
 */
final class UdpDevice extends SendingDevice {

  UdpDevice(RunContext run, int id) {
    super(run, id);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    if (activate(ctx)) {
      startSending();
    }
  }

  @Override
  void sendNext(boolean flush) {
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
  @Override
  void finishSending() {
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
    if (deactivate()) {
      run.deviceDone();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    run.errors.record(cause);
  }
}
