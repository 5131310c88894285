package dev.socketdesk.engine.internal.pipeline;

import dev.socketdesk.engine.internal.events.EventDispatcher;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;

/**
 * Flow control: stops reading while the session's listeners are behind, or while the peer does not
 * take what we write (answers pile up), and reads again when neither holds. So nothing read is
 * buffered without bound. One instance per channel; event-loop thread only, except that the resume
 * after listeners catch up is handed to the event loop.
 */
public final class BackpressureHandler extends ChannelDuplexHandler {
  private static final int LISTENERS_BEHIND = 1;
  private static final int PEER_NOT_READING = 2;

  private final EventDispatcher events;

  /** The reasons to keep reading paused, as bits. */
  private int paused;

  public BackpressureHandler(EventDispatcher events) {
    this.events = events;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ctx.fireChannelRead(msg);
    if ((paused & LISTENERS_BEHIND) == 0 && events.isBehind()) {
      pause(ctx, LISTENERS_BEHIND);
      events.onCaughtUp(() -> ctx.executor().execute(() -> resume(ctx, LISTENERS_BEHIND)));
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ctx.fireChannelReadComplete();
    if (!ctx.channel().isWritable()) {
      pause(ctx, PEER_NOT_READING);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      resume(ctx, PEER_NOT_READING);
    }
    ctx.fireChannelWritabilityChanged();
  }

  private void pause(ChannelHandlerContext ctx, int reason) {
    if (paused == 0) {
      ctx.channel().config().setAutoRead(false);
    }
    paused |= reason;
  }

  private void resume(ChannelHandlerContext ctx, int reason) {
    if (paused == 0) {
      return;
    }
    paused &= ~reason;
    if (paused == 0) {
      ctx.channel().config().setAutoRead(true);
    }
  }
}
