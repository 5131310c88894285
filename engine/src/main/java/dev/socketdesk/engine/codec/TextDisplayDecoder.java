package dev.socketdesk.engine.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Netty inbound handler that turns received data into display strings with a {@link TextDecoder}.
 *
 * <ul>
 *   <li>A {@link ByteBuf} is part of a stream (TCP): a character split across reads is held back
 *       and completed by the next read. Nothing is emitted for a read that yields {@code ""} (for
 *       example the first half of a split character).
 *   <li>A {@link DatagramPacket} stands alone: it is decoded on its own ({@link
 *       TextDecoder#decodeWhole}), and nothing it leaves incomplete is carried into the next one.
 * </ul>
 *
 * <p>Held-back bytes are never lost: when the channel becomes inactive, or when no read completes
 * them within the idle time ({@link TextDecoder#IDLE_FLUSH} by default), they are emitted as {@code
 * \xHH}. Stateful: one instance per channel, not sharable; event-loop thread only. Each received
 * message is released after decoding.
 */
public final class TextDisplayDecoder extends MessageToMessageDecoder<Object> {
  private final TextDecoder decoder;
  private final long idleNanos;
  private ScheduledFuture<?> idleFlush;

  /** A decoder that shows held-back bytes after {@link TextDecoder#IDLE_FLUSH}. */
  public TextDisplayDecoder(Charset charset) {
    this(charset, TextDecoder.IDLE_FLUSH);
  }

  /** A decoder that shows held-back bytes after {@code idle} without data. */
  public TextDisplayDecoder(Charset charset, Duration idle) {
    this.decoder = new TextDecoder(charset);
    this.idleNanos = idle.toNanos();
  }

  @Override
  public boolean acceptInboundMessage(Object msg) {
    return msg instanceof ByteBuf || msg instanceof DatagramPacket;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, Object msg, List<Object> out) {
    cancelIdleFlush();
    String text;
    if (msg instanceof DatagramPacket packet) {
      text = decoder.decodeWhole(ByteBufUtil.getBytes(packet.content()));
    } else {
      text = decoder.decode((ByteBuf) msg);
      if (decoder.pending() > 0) {
        idleFlush = ctx.executor().schedule(() -> emitHeld(ctx), idleNanos, TimeUnit.NANOSECONDS);
      }
    }
    if (!text.isEmpty()) {
      out.add(text);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancelIdleFlush();
    emitHeld(ctx);
    super.channelInactive(ctx);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) throws Exception {
    cancelIdleFlush();
    super.handlerRemoved(ctx);
  }

  /** Passes on the bytes held back as {@code \xHH}, if any. */
  private void emitHeld(ChannelHandlerContext ctx) {
    idleFlush = null;
    String rest = decoder.flush();
    if (!rest.isEmpty()) {
      ctx.fireChannelRead(rest);
      ctx.fireChannelReadComplete();
    }
  }

  private void cancelIdleFlush() {
    if (idleFlush != null) {
      idleFlush.cancel(false);
      idleFlush = null;
    }
  }
}
