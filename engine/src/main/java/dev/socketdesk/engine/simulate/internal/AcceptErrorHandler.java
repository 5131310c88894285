package dev.socketdesk.engine.simulate.internal;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Counts errors of a listening channel (such as accept failing on the fd limit), then passes them
 * on.
 */
@Sharable
final class AcceptErrorHandler extends ChannelInboundHandlerAdapter {
  private final ErrorCollector errors;

  AcceptErrorHandler(ErrorCollector errors) {
    this.errors = errors;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    errors.record(cause);
    ctx.fireExceptionCaught(cause);
  }
}
