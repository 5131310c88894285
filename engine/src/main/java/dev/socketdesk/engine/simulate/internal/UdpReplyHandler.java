package dev.socketdesk.engine.simulate.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;

/** The udp-server profile: answers every datagram with the fixed reply, to its sender. */
@Sharable
final class UdpReplyHandler extends ChannelInboundHandlerAdapter {
  private final RunContext run;
  private final ByteBuf reply;

  UdpReplyHandler(RunContext run) {
    this.run = run;
    this.reply = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(run.reply));
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    run.stats.connected.increment();
    run.track(ctx.channel());
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    DatagramPacket packet = (DatagramPacket) msg;
    try {
      run.stats.received(packet.content().readableBytes());
      run.stats.sent(reply.readableBytes());
      ctx.write(new DatagramPacket(reply.duplicate(), packet.sender()), ctx.voidPromise());
    } finally {
      packet.release();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ctx.flush();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    run.stats.connected.decrement();
    run.stats.closed.increment();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    run.errors.record(cause);
  }
}
