package dev.socketdesk.engine.internal.pipeline;

import dev.socketdesk.engine.AutoActions;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * The session's automatic answers, in this order: reply rules run first over the peer's received
 * stream; a read in which no rule fired is then echoed (with the echo prefix). So a read answered
 * by a rule is not also echoed. The last inbound handler: it releases what was read. Answers are
 * written from the channel's tail, so they pass every handler (counted, captured). One instance per
 * session.
 */
@Sharable
public final class AutoReplyHandler extends ChannelInboundHandlerAdapter {
  private final PipelineSession session;
  private final PeerAddressing addressing;

  public AutoReplyHandler(PipelineSession session, PeerAddressing addressing) {
    this.session = session;
    this.addressing = addressing;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      AutoActions actions = session.autoActions();
      if (!actions.isNone()) {
        answer(ctx.channel(), msg, actions);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void answer(Channel channel, Object msg, AutoActions actions) {
    PeerHandle peer = addressing.peerOf(channel, msg, true);
    ByteBuf data = PeerAddressing.content(msg);
    if (peer == null || data == null) {
      return;
    }
    int fired = 0;
    if (!actions.replyRules().isEmpty()) {
      fired =
          peer.matcher(actions.replyRules())
              .feed(
                  data, reply -> channel.write(addressing.to(peer, Unpooled.wrappedBuffer(reply))));
    }
    if (actions.echo() && fired == 0) {
      byte[] prefix = session.echoPrefix();
      ByteBuf echo =
          prefix.length == 0
              ? data.retainedDuplicate()
              : Unpooled.wrappedBuffer(Unpooled.wrappedBuffer(prefix), data.retainedDuplicate());
      channel.write(addressing.to(peer, echo));
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (!session.autoActions().isNone()) {
      ctx.channel().flush();
    }
    ctx.fireChannelReadComplete();
  }
}
