package dev.socketdesk.engine.internal;

import dev.socketdesk.engine.AutoActions;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * Last handler of a TCP connection: answers received data with the session's automatic actions
 * (echo with prefix, reply rules) and releases it. Stops reading while the peer does not take what
 * we echo, so an echo never buffers without bound. Event-loop thread only.
 */
final class AutoActionHandler extends ChannelInboundHandlerAdapter {
  private final AbstractSession session;
  private final TcpPeerHandler peerHandler;
  private boolean wrote;

  AutoActionHandler(AbstractSession session, TcpPeerHandler peerHandler) {
    this.session = session;
    this.peerHandler = peerHandler;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    AutoActions actions = session.autoActions();
    if (!(msg instanceof ByteBuf buf) || actions.isNone() || peerHandler.peer() == null) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (!actions.replyRules().isEmpty()) {
      peerHandler
          .peer()
          .matcher(actions.replyRules())
          .feed(buf, response -> ctx.write(Unpooled.wrappedBuffer(response)));
      wrote = true;
    }
    if (actions.echo()) {
      byte[] prefix = actions.echoPrefix();
      ctx.writeAndFlush(
          prefix.length == 0 ? buf : Unpooled.wrappedBuffer(Unpooled.wrappedBuffer(prefix), buf));
      wrote = true;
    } else {
      buf.release();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (wrote) {
      wrote = false;
      ctx.flush();
      if (!ctx.channel().isWritable()) {
        peerHandler.gate().pause(ReadGate.PEER_NOT_READING);
      }
    }
    ctx.fireChannelReadComplete();
  }
}
