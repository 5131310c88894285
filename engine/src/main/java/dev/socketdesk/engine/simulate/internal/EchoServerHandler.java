package dev.socketdesk.engine.simulate.internal;

import dev.socketdesk.engine.internal.pipeline.BackpressureHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/**
 * The tcp-echo-server profile's connection handler: echoes every chunk, and on EOF flushes what it
 * still owes, then closes. The sessions' {@link BackpressureHandler} before it stops reading while
 * the peer does not take the echo (no unbounded buffering); {@link ServerConnections} after it
 * counts the connection. Stateless.
 */
@Sharable
final class EchoServerHandler extends ChannelInboundHandlerAdapter {
  private final RunContext run;

  EchoServerHandler(RunContext run) {
    this.run = run;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf data = (ByteBuf) msg;
    int n = data.readableBytes();
    run.stats.received(n);
    run.stats.sent(n);
    ctx.write(data, ctx.voidPromise());
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ctx.flush();
    ctx.fireChannelReadComplete();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent) {
      ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    } else {
      ctx.fireUserEventTriggered(evt);
    }
  }
}
