package dev.socketdesk.engine.internal.pipeline;

import dev.socketdesk.engine.internal.events.EventDispatcher;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DuplexChannel;

/**
 * Flow control: stops reading while the session's listeners are behind, while the peer does not
 * take what we write (answers pile up), or while a relay's other side does not take what is read
 * here ({@link #RELAY_FULL}), and reads again when none holds. So nothing read is buffered without
 * bound. One instance per channel; event-loop thread only, except that the resume after listeners
 * catch up is handed to the event loop.
 */
public final class BackpressureHandler extends ChannelDuplexHandler {
  private static final int LISTENERS_BEHIND = 1;
  private static final int PEER_NOT_READING = 2;
  private static final int RELAY_BLOCKED = 4;

  /**
   * Fired into a channel's pipeline by a relay whose other side does not take what this channel
   * reads: pauses reading until {@link #RELAY_DRAINED}.
   */
  public static final Object RELAY_FULL = "socketdesk.relay-full";

  /** Fired when the relay's other side takes data again. */
  public static final Object RELAY_DRAINED = "socketdesk.relay-drained";

  private final EventDispatcher events;

  /** Whether reading pauses while the channel does not take our writes. */
  private final boolean pausesWhenUnwritable;

  /** The reasons to keep reading paused, as bits. */
  private int paused;

  /**
   * {@code pausesWhenUnwritable}: whether reading also pauses while this channel does not take our
   * writes; false on a relayed channel, whose writes are the other side's reads (pausing here would
   * stall both).
   */
  public BackpressureHandler(EventDispatcher events, boolean pausesWhenUnwritable) {
    this.events = events;
    this.pausesWhenUnwritable = pausesWhenUnwritable;
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
    if (pausesWhenUnwritable && !ctx.channel().isWritable()) {
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

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt == RELAY_FULL) {
      pause(ctx, RELAY_BLOCKED);
    } else if (evt == RELAY_DRAINED) {
      resume(ctx, RELAY_BLOCKED);
    } else {
      ctx.fireUserEventTriggered(evt);
    }
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
    // Once the peer's EOF is read there is nothing left to read; asking epoll to read again then
    // fails (the socket has left its interest set), which would close a half-closed connection.
    if (paused == 0
        && !(ctx.channel() instanceof DuplexChannel duplex && duplex.isInputShutdown())) {
      ctx.channel().config().setAutoRead(true);
    }
  }
}
