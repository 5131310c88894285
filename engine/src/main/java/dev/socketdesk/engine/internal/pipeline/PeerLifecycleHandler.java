package dev.socketdesk.engine.internal.pipeline;

import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.internal.capture.CaptureFile;
import dev.socketdesk.engine.internal.capture.CaptureHandlers;
import dev.socketdesk.engine.internal.failures.Failures;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.time.Instant;

/**
 * A connection's life as a peer: registers it when it becomes active (or closes it when the session
 * refuses it), and captures it while the session captures; closes it once what we owe is flushed
 * after the peer's EOF, turns a failure into the close reason (and an error event unless it is a
 * reset), and reports the end. Sits before the other session handlers, so it sees every failure
 * first. Event-loop thread only.
 */
public final class PeerLifecycleHandler extends ChannelDuplexHandler {
  private final PipelineSession session;

  /** The id given in accept order; 0 to take the next one. */
  private final int acceptedAs;

  private PeerHandle peer;

  public PeerLifecycleHandler(PipelineSession session, int acceptedAs) {
    this.session = session;
    this.acceptedAs = acceptedAs;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    peer = session.peerConnected(ctx.channel(), acceptedAs);
    if (peer == null) {
      ctx.close();
      return;
    }
    ctx.channel().attr(PeerHandle.KEY).set(peer);
    CaptureFile capture = session.capture();
    if (capture != null) {
      CaptureHandlers.attach(ctx.channel(), capture);
    }
    ctx.fireChannelActive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent) {
      if (peer != null && peer.closeReason == null) {
        peer.closeReason = CloseReason.PEER_CLOSED;
      }
      if (!session.relays()) {
        ctx.channel().writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      }
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (peer != null && peer.closeReason == null) {
      if (Failures.isReset(cause)) {
        peer.closeReason = CloseReason.RESET;
      } else {
        peer.closeReason = CloseReason.ERROR;
        session
            .events()
            .emit(
                SessionEvent.Error.of(
                    Instant.now(), peer.peer(), Failures.connection(cause, peer.toString())));
      }
    }
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (peer != null) {
      CloseReason reason = peer.closeReason;
      if (reason == null) {
        reason = session.isClosing() ? CloseReason.LOCAL : CloseReason.PEER_CLOSED;
      }
      session.peerDisconnected(peer, reason);
    }
    ctx.fireChannelInactive();
  }
}
