package dev.socketdesk.engine.internal.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Sits on a server channel before the acceptor. In accept order, it closes a connection beyond the
 * client limit at once, and installs the session's handlers on each other one, with the next peer
 * id, so that peer ids follow the order in which clients were accepted, whichever event loop serves
 * them.
 */
@Sharable
final class AcceptOrderHandler extends ChannelInboundHandlerAdapter {
  private final TcpServerSession session;

  AcceptOrderHandler(TcpServerSession session) {
    this.session = session;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof Channel child) {
      if (!session.admit(child)) {
        child.unsafe().closeForcibly();
        return;
      }
      session.install(child, session.nextPeerId());
    }
    ctx.fireChannelRead(msg);
  }
}
