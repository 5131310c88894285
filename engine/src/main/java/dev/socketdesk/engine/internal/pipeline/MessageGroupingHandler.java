package dev.socketdesk.engine.internal.pipeline;

import dev.socketdesk.engine.Grouping;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Groups a byte stream's reads into messages (分包) by the session's {@link Grouping}: a message ends
 * right after the delimiter, when no byte has arrived for the idle time, or at the size limit, and
 * whatever is held is passed on before the end of input or of the connection. Without grouping it
 * passes reads unchanged, and messages that are not bytes (datagrams) always. Holds at most the
 * size limit, so memory stays bounded. One instance per channel; event-loop thread only, idle time
 * measured on the channel's executor clock.
 */
public final class MessageGroupingHandler extends ChannelInboundHandlerAdapter {
  private final PipelineSession session;

  private Grouping grouping = Grouping.NONE;

  /** {@code grouping}'s delimiter, copied once per change of grouping. */
  private byte[] delimiter = new byte[0];

  /** Bytes of the message being grouped; null while none are held. Never shared while held. */
  private ByteBuf pending;

  private long lastReadNanos;
  private ScheduledFuture<?> idleTimer;

  public MessageGroupingHandler(PipelineSession session) {
    this.session = session;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    Grouping current = session.grouping();
    if (!(msg instanceof ByteBuf data)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (current != grouping) {
      grouping = current;
      delimiter = current.delimiter();
    }
    if (current.isNone()) {
      emitAll(ctx);
      ctx.fireChannelRead(data);
      return;
    }
    try {
      append(ctx, data, current.maxBytes());
    } finally {
      data.release();
    }
    if (pending != null && !current.idle().isZero()) {
      lastReadNanos = ctx.executor().ticker().nanoTime();
      if (idleTimer == null) {
        scheduleIdleCheck(ctx, current.idle().toNanos());
      }
    } else if (pending != null) {
      cancelTimer();
    }
  }

  private void append(ChannelHandlerContext ctx, ByteBuf data, int maxBytes) {
    while (data.isReadable()) {
      if (pending == null) {
        pending = ctx.alloc().buffer(Math.min(maxBytes, Math.max(256, data.readableBytes())));
      }
      int n = Math.min(maxBytes - pending.readableBytes(), data.readableBytes());
      int scanFrom = Math.max(0, pending.readableBytes() - (delimiter.length - 1));
      pending.writeBytes(data, n);
      if (delimiter.length > 0) {
        emitDelimited(ctx, scanFrom);
      }
      if (pending != null && pending.readableBytes() >= maxBytes) {
        emitAll(ctx);
      }
    }
  }

  /** Passes on each message that the delimiter ends, searching from {@code from} (relative). */
  private void emitDelimited(ChannelHandlerContext ctx, int from) {
    int at = indexOfDelimiter(from);
    while (at >= 0) {
      emitFirst(ctx, at + delimiter.length);
      if (pending == null) {
        return;
      }
      at = indexOfDelimiter(0);
    }
  }

  /** Where the delimiter starts in {@code pending}, relative to its reader index, or -1. */
  private int indexOfDelimiter(int from) {
    int start = pending.readerIndex();
    int last = pending.writerIndex() - delimiter.length;
    for (int i = start + from; i <= last; i++) {
      int j = 0;
      while (j < delimiter.length && pending.getByte(i + j) == delimiter[j]) {
        j++;
      }
      if (j == delimiter.length) {
        return i - start;
      }
    }
    return -1;
  }

  /** Passes on the first {@code length} held bytes as one message. */
  private void emitFirst(ChannelHandlerContext ctx, int length) {
    if (length == pending.readableBytes()) {
      emitAll(ctx);
      return;
    }
    ByteBuf message = ctx.alloc().buffer(length);
    message.writeBytes(pending, length);
    pending.discardReadBytes();
    ctx.fireChannelRead(message);
  }

  /** Passes on everything held, if anything, as one message. */
  private void emitAll(ChannelHandlerContext ctx) {
    ByteBuf message = pending;
    if (message != null) {
      pending = null;
      ctx.fireChannelRead(message);
    }
  }

  private void scheduleIdleCheck(ChannelHandlerContext ctx, long delayNanos) {
    idleTimer = ctx.executor().schedule(() -> idleCheck(ctx), delayNanos, TimeUnit.NANOSECONDS);
  }

  private void idleCheck(ChannelHandlerContext ctx) {
    idleTimer = null;
    if (pending == null || grouping.idle().isZero()) {
      return;
    }
    long idleNanos = grouping.idle().toNanos();
    long quietFor = ctx.executor().ticker().nanoTime() - lastReadNanos;
    if (quietFor < idleNanos) {
      scheduleIdleCheck(ctx, idleNanos - quietFor);
      return;
    }
    emitAll(ctx);
    ctx.fireChannelReadComplete();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent && pending != null) {
      cancelTimer();
      emitAll(ctx);
      ctx.fireChannelReadComplete();
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancelTimer();
    if (pending != null) {
      emitAll(ctx);
      ctx.fireChannelReadComplete();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    cancelTimer();
    if (pending != null) {
      pending.release();
      pending = null;
    }
  }

  private void cancelTimer() {
    if (idleTimer != null) {
      idleTimer.cancel(false);
      idleTimer = null;
    }
  }
}
