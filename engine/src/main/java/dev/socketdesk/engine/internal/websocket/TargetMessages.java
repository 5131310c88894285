package dev.socketdesk.engine.internal.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * A WebSocket connection as a byte stream, for a relay: each buffer written goes out as one binary
 * message, and the content of every text or binary message received is read as bytes. Pings are
 * answered; the server's close frame is answered and read as the end of input ({@link
 * ChannelInputShutdownEvent}); {@link #shutdownOutput} is our close frame (1000). Bytes written
 * after our close frame are dropped, as the protocol allows no more. Event-loop thread only.
 */
public final class TargetMessages extends ChannelDuplexHandler {
  public static final String NAME = "websocket-bytes";

  private boolean closeSent;

  /** Sends the close frame (1000, normal closure) on {@code channel}, once; its event loop. */
  public static ChannelFuture shutdownOutput(Channel channel) {
    ChannelHandlerContext ctx = channel.pipeline().context(NAME);
    if (ctx == null) {
      return channel.newSucceededFuture();
    }
    return ((TargetMessages) ctx.handler()).sendClose(ctx);
  }

  private ChannelFuture sendClose(ChannelHandlerContext ctx) {
    if (closeSent) {
      return ctx.newSucceededFuture();
    }
    closeSent = true;
    return ctx.writeAndFlush(new CloseWebSocketFrame(CloseCodes.NORMAL, ""));
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof PingWebSocketFrame ping) {
      ctx.writeAndFlush(new PongWebSocketFrame(ping.content()));
    } else if (msg instanceof CloseWebSocketFrame close) {
      close.release();
      if (closeSent) {
        ctx.close();
        return;
      }
      closeSent = true;
      ctx.writeAndFlush(new CloseWebSocketFrame(CloseCodes.NORMAL, ""));
      ctx.fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
    } else if (msg instanceof PongWebSocketFrame) {
      ReferenceCountUtil.release(msg);
    } else if (msg instanceof WebSocketFrame frame) {
      ctx.fireChannelRead(frame.content());
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof ByteBuf data) {
      if (closeSent) {
        data.release();
        promise.setSuccess();
      } else if (!data.isReadable()) {
        ctx.write(data, promise);
      } else {
        ctx.write(new BinaryWebSocketFrame(data), promise);
      }
    } else {
      ctx.write(msg, promise);
    }
  }
}
