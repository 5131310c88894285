package dev.socketdesk.engine.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.nio.charset.Charset;
import java.util.List;

/**
 * Netty inbound handler that turns received {@link ByteBuf}s into display strings with a {@link
 * TextDecoder}. Emits nothing for a chunk that yields {@code ""} (for example the first half of a
 * split character). When the channel becomes inactive it emits the bytes still held back, as {@code
 * \xHH}, before passing the event on. Stateful: one instance per channel, not sharable. Each
 * received buffer is released after decoding.
 */
public final class TextDisplayDecoder extends MessageToMessageDecoder<ByteBuf> {
  private final TextDecoder decoder;

  public TextDisplayDecoder(Charset charset) {
    super(ByteBuf.class);
    this.decoder = new TextDecoder(charset);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf msg, List<Object> out) {
    String text = decoder.decode(msg);
    if (!text.isEmpty()) {
      out.add(text);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    String rest = decoder.flush();
    if (!rest.isEmpty()) {
      ctx.fireChannelRead(rest);
      ctx.fireChannelReadComplete();
    }
    super.channelInactive(ctx);
  }
}
