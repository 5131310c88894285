package dev.socketdesk.engine.internal.pipeline;

import dev.socketdesk.engine.ReplyRule;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Rewrites or drops matching data on one relayed channel, both ways: {@code inbound} rules edit
 * what is read from the channel, {@code outbound} rules what is written to it. Each rule's response
 * replaces every match of it; an empty response drops the match. Matching is {@link
 * ReplyMatcher}'s, over the stream, so a match split across reads is still edited.
 *
 * <p>Bytes no match uses pass unchanged and in order. Bytes that may still begin a match are held
 * until the match completes or fails, at most {@link ReplyMatcher#WINDOW} bytes, and no longer than
 * {@code hold} of silence in that direction; they are also released before the input's end, the
 * channel's close, and (on request, {@link #releaseOutbound}) before the writer half-closes.
 *
 * <p>One instance per channel; event-loop thread only. Installed as {@link SessionHandlers#EDIT}.
 */
public final class TrafficEditHandler extends ChannelDuplexHandler {
  private final Direction in;
  private final Direction out;
  private final long holdNanos;
  private ChannelHandlerContext ctx;

  /** Rules for what is read and what is written; either list may be empty. */
  public TrafficEditHandler(List<ReplyRule> inbound, List<ReplyRule> outbound, long holdNanos) {
    this.in = inbound.isEmpty() ? null : new Direction(inbound, this::fireHeld);
    this.out = outbound.isEmpty() ? null : new Direction(outbound, this::writeHeld);
    this.holdNanos = holdNanos;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (in == null || !(msg instanceof ByteBuf data)) {
      ctx.fireChannelRead(msg);
      return;
    }
    ByteBuf edited = in.edit(ctx.alloc(), data);
    if (edited.isReadable()) {
      ctx.fireChannelRead(edited);
    } else {
      edited.release();
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (out == null || !(msg instanceof ByteBuf data)) {
      ctx.write(msg, promise);
      return;
    }
    ctx.write(out.edit(ctx.alloc(), data), promise);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent && in != null) {
      in.release();
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (in != null) {
      in.release();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    if (out == null || out.held() == 0 || !ctx.channel().isActive()) {
      ctx.close(promise);
      return;
    }
    ctx.writeAndFlush(out.take(ctx.alloc())).addListener(f -> ctx.close(promise));
  }

  /** Writes and flushes what the outbound rules hold, e.g. before the channel's output shuts. */
  public void releaseOutbound() {
    if (out != null) {
      out.release();
    }
  }

  private void fireHeld(ByteBuf held) {
    ctx.fireChannelRead(held);
    ctx.fireChannelReadComplete();
  }

  private void writeHeld(ByteBuf held) {
    ctx.writeAndFlush(held).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
  }

  /** One direction's matcher, with the timer that releases what it holds after a silence. */
  private final class Direction implements ReplyMatcher.Sink {
    private final ReplyMatcher matcher;
    private final Consumer<ByteBuf> emit;
    private ByteBuf output;
    private long feeds;
    private boolean timerSet;

    Direction(List<ReplyRule> rules, Consumer<ByteBuf> emit) {
      this.matcher = new ReplyMatcher(rules);
      this.emit = emit;
    }

    int held() {
      return matcher.retainedBytes();
    }

    /** The edited bytes that may go on now; releases {@code data}. */
    ByteBuf edit(ByteBufAllocator alloc, ByteBuf data) {
      try {
        output = alloc.buffer(data.readableBytes() + held());
        matcher.scan(data, Integer.MAX_VALUE, this);
        feeds++;
        if (held() > 0) {
          armTimer(feeds);
        }
        return output;
      } finally {
        output = null;
        data.release();
      }
    }

    /** Everything held, as it was, with partial matches forgotten; empty when nothing is held. */
    ByteBuf take(ByteBufAllocator alloc) {
      if (held() == 0) {
        return Unpooled.EMPTY_BUFFER;
      }
      output = alloc.buffer(held());
      try {
        matcher.releaseAll(this);
        return output;
      } finally {
        output = null;
      }
    }

    /** Sends on what is held. */
    void release() {
      if (held() > 0) {
        emit.accept(take(ctx.alloc()));
      }
    }

    /** Releases the held bytes once no data came for a whole {@code hold} period. */
    private void armTimer(long seen) {
      if (timerSet) {
        return;
      }
      timerSet = true;
      ctx.executor()
          .schedule(
              () -> {
                timerSet = false;
                if (held() == 0 || !ctx.channel().isActive()) {
                  return;
                }
                if (feeds != seen) {
                  armTimer(feeds);
                } else {
                  release();
                }
              },
              holdNanos,
              TimeUnit.NANOSECONDS);
    }

    @Override
    public void pass(ReplyMatcher.Window window, long from, long to) {
      output.writeBytes(window.array(), window.index(from), (int) (to - from));
    }

    @Override
    public void match(ReplyRule rule, ReplyMatcher.Window window, long start, long end) {
      output.writeBytes(rule.response());
    }
  }
}
