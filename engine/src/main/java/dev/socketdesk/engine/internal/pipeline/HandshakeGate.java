package dev.socketdesk.engine.internal.pipeline;

import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.internal.failures.Failures;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds a connection back from the session's handlers until its transport's handshakes (TLS, a
 * WebSocket upgrade) are done: only then does {@code channelActive} reach them, so the peer is
 * registered (and its {@code connected} event shown) once it can carry data. Each handshake stage
 * reports with a {@link StageDone} or {@link StageFailed} user event; the notices of the stages are
 * shown after the peer's {@code connected} event. A failure, or a close before the end, goes to
 * {@link PipelineSession#handshakeFailed} and closes the connection. Removes itself once open.
 * Event-loop thread only.
 */
public final class HandshakeGate extends ChannelInboundHandlerAdapter {
  public static final String NAME = "handshake-gate";

  /** A handshake stage ended well; {@code notice} (may be null) is shown as a notice of kind. */
  public record StageDone(String kind, String notice) {}

  /** A handshake stage failed; the connection closes. */
  public record StageFailed(SessionException error) {}

  private final PipelineSession session;
  private int stagesLeft;
  private final List<StageDone> done = new ArrayList<>();
  private boolean failed;

  public HandshakeGate(PipelineSession session, int stages) {
    this.session = session;
    this.stagesLeft = stages;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    // Held back until the handshakes are done.
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof StageDone stage) {
      done.add(stage);
      if (--stagesLeft == 0 && !failed) {
        open(ctx);
      }
    } else if (evt instanceof StageFailed stage) {
      fail(ctx, stage.error());
    } else {
      ctx.fireUserEventTriggered(evt);
    }
  }

  private void open(ChannelHandlerContext ctx) {
    ctx.fireChannelActive();
    ctx.pipeline().remove(this);
    PeerHandle peer = ctx.channel().attr(PeerHandle.KEY).get();
    if (peer == null) {
      return;
    }
    for (StageDone stage : done) {
      if (stage.notice() != null) {
        session
            .events()
            .emit(
                new SessionEvent.Notice(Instant.now(), peer.peer(), stage.kind(), stage.notice()));
      }
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    fail(ctx, Failures.io(cause, peerName(ctx)));
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    fail(
        ctx,
        new SessionException(
            Kind.RESET,
            peerName(ctx)
                + " closed the connection during the handshake; check that it speaks the same"
                + " protocol (TLS, WebSocket) on that port"));
    ctx.fireChannelInactive();
  }

  private void fail(ChannelHandlerContext ctx, SessionException error) {
    if (failed) {
      return;
    }
    failed = true;
    session.handshakeFailed(ctx.channel(), error);
    ctx.close();
  }

  private static String peerName(ChannelHandlerContext ctx) {
    return ctx.channel().remoteAddress() instanceof InetSocketAddress a
        ? dev.socketdesk.engine.HostPort.format(a)
        : "the peer";
  }
}
