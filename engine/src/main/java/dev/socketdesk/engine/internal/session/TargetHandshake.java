package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.internal.failures.Failures;
import dev.socketdesk.engine.internal.pipeline.HandshakeGate;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@link HandshakeGate} of a forward's target connection: counts the stages of its transport
 * (TLS, a WebSocket upgrade), then hands the target to the relay ({@link ForwardRelay#targetReady})
 * with the stages' notices, or reports the first failure, or a close before the end, to it ({@link
 * ForwardRelay#targetFailed}) and closes. Removes itself once the target is ready. Event-loop
 * thread only.
 */
final class TargetHandshake extends ChannelInboundHandlerAdapter {
  static final String NAME = "target-handshake";

  private final ForwardRelay relay;
  private final String targetName;
  private final List<HandshakeGate.StageDone> done = new ArrayList<>();
  private int stagesLeft;
  private boolean ended;

  TargetHandshake(ForwardRelay relay, String targetName, int stages) {
    this.relay = relay;
    this.targetName = targetName;
    this.stagesLeft = stages;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof HandshakeGate.StageDone stage) {
      done.add(stage);
      if (--stagesLeft == 0 && !ended) {
        ended = true;
        ctx.pipeline().remove(this);
        relay.targetReady(ctx.channel(), done);
      }
    } else if (evt instanceof HandshakeGate.StageFailed stage) {
      fail(ctx, stage.error());
    } else {
      ctx.fireUserEventTriggered(evt);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(ctx, Failures.io(cause, targetName));
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    fail(
        ctx,
        new SessionException(
            Kind.RESET,
            targetName
                + " closed the connection during the handshake; check that it speaks the protocol"
                + " of the target's scheme on that port",
            Map.of("peer", targetName)));
  }

  private void fail(ChannelHandlerContext ctx, SessionException why) {
    if (ended) {
      return;
    }
    ended = true;
    relay.targetFailed(why);
    ctx.close();
  }
}
