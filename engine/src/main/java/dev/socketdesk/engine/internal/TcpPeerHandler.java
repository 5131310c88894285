package dev.socketdesk.engine.internal;

import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.SessionEvent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.time.Instant;

/**
 * First handler of every TCP connection: registers the peer, counts traffic exactly, reports
 * events, pauses reading while listeners are behind, and closes after the peer's EOF once what we
 * owe it is flushed. Event-loop thread only.
 */
final class TcpPeerHandler extends ChannelDuplexHandler {
  private final AbstractSession session;
  private PeerHandle peer;
  private ReadGate gate;

  TcpPeerHandler(AbstractSession session) {
    this.session = session;
  }

  PeerHandle peer() {
    return peer;
  }

  ReadGate gate() {
    return gate;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    gate = new ReadGate(ctx.channel());
    peer = session.peerConnected(ctx.channel());
    if (peer == null) {
      ctx.close();
      return;
    }
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf buf && peer != null) {
      int n = buf.readableBytes();
      peer.counters.received(n);
      session.counters.received(n);
      EventDispatcher events = session.events;
      if (events.wantsData()) {
        events.emit(new SessionEvent.Received(Instant.now(), peer.peer, ByteBufUtil.getBytes(buf)));
        if (events.isBehind() && !gate.isPaused(ReadGate.LISTENERS_BEHIND)) {
          gate.pause(ReadGate.LISTENERS_BEHIND);
          events.onCaughtUp(
              () -> ctx.executor().execute(() -> gate.resume(ReadGate.LISTENERS_BEHIND)));
        }
      }
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof ByteBuf buf && buf.isReadable() && peer != null) {
      int n = buf.readableBytes();
      byte[] copy = session.events.wantsData() ? ByteBufUtil.getBytes(buf) : null;
      PeerHandle target = peer;
      promise = promise.unvoid();
      promise.addListener(
          f -> {
            if (f.isSuccess()) {
              target.counters.sent(n);
              session.counters.sent(n);
              if (copy != null) {
                session.events.emit(new SessionEvent.Sent(Instant.now(), target.peer, copy));
              }
            }
          });
    }
    ctx.write(msg, promise);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent) {
      if (peer != null && peer.closeReason == null) {
        peer.closeReason = CloseReason.PEER_CLOSED;
      }
      ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      gate.resume(ReadGate.PEER_NOT_READING);
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (peer != null && peer.closeReason == null) {
      if (Failures.isReset(cause)) {
        peer.closeReason = CloseReason.RESET;
      } else {
        peer.closeReason = CloseReason.ERROR;
        session.events.emit(
            new SessionEvent.Error(
                Instant.now(), peer.peer, Failures.io(cause, peer.peer.toString()).getMessage()));
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
