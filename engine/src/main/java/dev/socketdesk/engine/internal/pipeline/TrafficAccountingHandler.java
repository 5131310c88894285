package dev.socketdesk.engine.internal.pipeline;

import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.internal.events.EventDispatcher;
import dev.socketdesk.engine.internal.failures.Failures;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.time.Instant;

/**
 * Counts every byte read and written, per peer and per session, exactly, and reports them as {@link
 * SessionEvent.Received} and {@link SessionEvent.Sent} events while a listener wants data; on a
 * message transport each carries its message's kind, a plain write's decided here ({@link
 * MessageKinds}) before it is counted. A write counts once it succeeded; a failed write to a socket
 * that stays open (a datagram) is reported as an error. Also reports failures of a socket that is
 * not one peer's connection. Reads of no known peer (a refused connection) stop here. One instance
 * per session.
 */
@Sharable
public final class TrafficAccountingHandler extends ChannelDuplexHandler {
  private final PipelineSession session;
  private final PeerAddressing addressing;

  public TrafficAccountingHandler(PipelineSession session, PeerAddressing addressing) {
    this.session = session;
    this.addressing = addressing;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    PeerHandle peer = addressing.peerOf(ctx.channel(), msg, true);
    ByteBuf data = PeerAddressing.content(msg);
    if (peer == null || data == null) {
      ReferenceCountUtil.release(msg);
      return;
    }
    int n = data.readableBytes();
    peer.received(n);
    session.totals().received(n);
    EventDispatcher events = session.events();
    if (events.wantsData()) {
      events.emit(
          new SessionEvent.Received(
              Instant.now(),
              peer.peer(),
              ByteBufUtil.getBytes(data),
              msg instanceof TypedMessage typed ? typed.kind() : null));
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof ByteBuf plain && plain.isReadable()) {
      MessageKinds kinds = MessageKinds.of(ctx.channel());
      if (kinds != null) {
        msg = kinds.typed(plain);
      }
    }
    ByteBuf data = PeerAddressing.content(msg);
    PeerHandle peer = data == null ? null : addressing.peerOf(ctx.channel(), msg, false);
    if (peer != null && data.isReadable()) {
      int n = data.readableBytes();
      EventDispatcher events = session.events();
      byte[] copy = events.wantsData() ? ByteBufUtil.getBytes(data) : null;
      String kind = msg instanceof TypedMessage typed ? typed.kind() : null;
      promise = promise.unvoid();
      promise.addListener(
          f -> {
            if (f.isSuccess()) {
              peer.sent(n);
              session.totals().sent(n);
              if (copy != null) {
                events.emit(new SessionEvent.Sent(Instant.now(), peer.peer(), copy, kind));
              }
            } else if (ctx.channel().isOpen() && !addressing.isConnection()) {
              events.emit(
                  SessionEvent.Error.of(
                      Instant.now(), peer.peer(), Failures.datagram(f.cause(), peer.toString())));
            }
          });
    }
    ctx.write(msg, promise);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    session.events().emit(SessionEvent.Error.of(Instant.now(), null, Failures.io(cause, "socket")));
  }
}
