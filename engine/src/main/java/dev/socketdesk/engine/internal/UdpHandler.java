package dev.socketdesk.engine.internal;

import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.SessionEvent;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import java.time.Instant;

/**
 * The UDP socket's only handler: counts datagrams per source address, reports them, answers with
 * the automatic actions, and releases them. Answers are written from the channel, not this context,
 * so that they pass through {@link #write} and are counted. Event-loop thread only.
 */
final class UdpHandler extends ChannelDuplexHandler {
  private final UdpSession session;
  private int paused;
  private boolean wrote;

  UdpHandler(UdpSession session) {
    this.session = session;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof DatagramPacket packet)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    try {
      PeerHandle peer = session.peerFor(packet.sender());
      session.heardFrom(peer);
      ByteBuf data = packet.content();
      int n = data.readableBytes();
      peer.received(n);
      session.counters.received(n);
      EventDispatcher events = session.events;
      if (events.wantsData()) {
        events.emit(
            new SessionEvent.Received(Instant.now(), peer.peer(), ByteBufUtil.getBytes(data)));
        if (events.isBehind() && (paused & ReadGate.LISTENERS_BEHIND) == 0) {
          paused = ReadGate.pause(ctx.channel(), paused, ReadGate.LISTENERS_BEHIND);
          events.onCaughtUp(() -> ctx.executor().execute(() -> resume(ctx)));
        }
      }
      answer(ctx, peer, data);
    } finally {
      packet.release();
    }
  }

  private void resume(ChannelHandlerContext ctx) {
    paused = ReadGate.resume(ctx.channel(), paused, ReadGate.LISTENERS_BEHIND);
  }

  private void answer(ChannelHandlerContext ctx, PeerHandle peer, ByteBuf data) {
    AutoActions actions = session.autoActions();
    if (actions.isNone()) {
      return;
    }
    if (!actions.replyRules().isEmpty()) {
      peer.matcher(actions.replyRules())
          .feed(
              data,
              response ->
                  ctx.channel()
                      .write(new DatagramPacket(Unpooled.wrappedBuffer(response), peer.address)));
      wrote = true;
    }
    if (actions.echo()) {
      byte[] prefix = session.echoPrefix();
      ByteBuf out =
          prefix.length == 0
              ? data.retainedDuplicate()
              : Unpooled.wrappedBuffer(Unpooled.wrappedBuffer(prefix), data.retainedDuplicate());
      ctx.channel().write(new DatagramPacket(out, peer.address));
      wrote = true;
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (wrote) {
      wrote = false;
      ctx.flush();
    }
    ctx.fireChannelReadComplete();
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof DatagramPacket packet) {
      PeerHandle peer = session.peerFor(packet.recipient());
      int n = packet.content().readableBytes();
      byte[] copy = session.events.wantsData() ? ByteBufUtil.getBytes(packet.content()) : null;
      promise = promise.unvoid();
      promise.addListener(
          f -> {
            if (f.isSuccess()) {
              peer.sent(n);
              session.counters.sent(n);
              if (copy != null) {
                session.events.emit(new SessionEvent.Sent(Instant.now(), peer.peer(), copy));
              }
            } else {
              session.events.emit(
                  new SessionEvent.Error(
                      Instant.now(),
                      peer.peer(),
                      Failures.io(f.cause(), peer.toString()).getMessage()));
            }
          });
    }
    ctx.write(msg, promise);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    session.events.emit(
        new SessionEvent.Error(
            Instant.now(), null, Failures.io(cause, session.target()).getMessage()));
  }
}
