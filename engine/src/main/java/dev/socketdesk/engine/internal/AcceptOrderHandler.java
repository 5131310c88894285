package dev.socketdesk.engine.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.util.function.IntSupplier;

/**
 * Sits on a server channel before the acceptor and numbers each accepted connection, so that peer
 * ids follow the order in which clients were accepted, whichever event loop serves them.
 */
@Sharable
final class AcceptOrderHandler extends ChannelInboundHandlerAdapter {
  static final AttributeKey<Integer> PEER_ID = AttributeKey.valueOf("socketdesk.peerId");

  private final IntSupplier nextId;

  AcceptOrderHandler(IntSupplier nextId) {
    this.nextId = nextId;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof Channel child) {
      child.attr(PEER_ID).set(nextId.getAsInt());
    }
    ctx.fireChannelRead(msg);
  }
}
