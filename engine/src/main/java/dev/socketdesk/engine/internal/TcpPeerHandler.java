package dev.socketdesk.engine.internal;

import dev.socketdesk.engine.AutoActions;
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
import io.netty.util.ReferenceCountUtil;
import java.time.Instant;

/**
 * The only handler of a TCP connection: registers the peer, counts traffic exactly, reports events,
 * answers with the session's automatic actions (echo with prefix, reply rules), and releases what
 * it read. Reading pauses while listeners are behind or while the peer does not take what we echo,
 * so nothing buffers without bound. After the peer's EOF it closes once what we owe is flushed.
 *
 * <p>Answers are written from the channel, not this context, so that they pass through {@link
 * #write} and are counted. Event-loop thread only.
 */
final class TcpPeerHandler extends ChannelDuplexHandler {
  private final AbstractSession session;

  /** The id given in accept order by {@link AcceptOrderHandler}; 0 to take the next one. */
  private final int acceptedAs;

  private PeerHandle peer;

  /** {@link ReadGate} reasons to keep reading paused. */
  private int paused;

  private boolean wrote;

  TcpPeerHandler(AbstractSession session, int acceptedAs) {
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
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf buf) || peer == null) {
      ReferenceCountUtil.release(msg);
      return;
    }
    int n = buf.readableBytes();
    peer.received(n);
    session.counters.received(n);
    EventDispatcher events = session.events;
    if (events.wantsData()) {
      events.emit(new SessionEvent.Received(Instant.now(), peer.peer(), ByteBufUtil.getBytes(buf)));
      if (events.isBehind() && (paused & ReadGate.LISTENERS_BEHIND) == 0) {
        paused = ReadGate.pause(ctx.channel(), paused, ReadGate.LISTENERS_BEHIND);
        events.onCaughtUp(() -> ctx.executor().execute(() -> resume(ctx)));
      }
    }
    answer(ctx, buf);
  }

  /** Answers {@code buf} with the automatic actions, and releases it. */
  private void answer(ChannelHandlerContext ctx, ByteBuf buf) {
    AutoActions actions = session.autoActions();
    if (!actions.replyRules().isEmpty()) {
      peer.matcher(actions.replyRules())
          .feed(buf, response -> ctx.channel().write(Unpooled.wrappedBuffer(response)));
      wrote = true;
    }
    if (actions.echo()) {
      byte[] prefix = session.echoPrefix();
      ctx.channel()
          .writeAndFlush(
              prefix.length == 0
                  ? buf
                  : Unpooled.wrappedBuffer(Unpooled.wrappedBuffer(prefix), buf));
      wrote = true;
    } else {
      buf.release();
    }
  }

  private void resume(ChannelHandlerContext ctx) {
    paused = ReadGate.resume(ctx.channel(), paused, ReadGate.LISTENERS_BEHIND);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (wrote) {
      wrote = false;
      ctx.flush();
      if (!ctx.channel().isWritable()) {
        paused = ReadGate.pause(ctx.channel(), paused, ReadGate.PEER_NOT_READING);
      }
    }
    ctx.fireChannelReadComplete();
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
              target.sent(n);
              session.counters.sent(n);
              if (copy != null) {
                session.events.emit(new SessionEvent.Sent(Instant.now(), target.peer(), copy));
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
      paused = ReadGate.resume(ctx.channel(), paused, ReadGate.PEER_NOT_READING);
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
                Instant.now(), peer.peer(), Failures.io(cause, peer.toString()).getMessage()));
      }
    }
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (session instanceof TcpServerSession server) {
      server.admittedClosed();
    }
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
