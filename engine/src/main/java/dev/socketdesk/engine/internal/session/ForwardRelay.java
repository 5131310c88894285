package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.TrafficEdit;
import dev.socketdesk.engine.internal.events.EventDispatcher;
import dev.socketdesk.engine.internal.failures.Failures;
import dev.socketdesk.engine.internal.pipeline.BackpressureHandler;
import dev.socketdesk.engine.internal.pipeline.HandshakeGate;
import dev.socketdesk.engine.internal.pipeline.PeerHandle;
import dev.socketdesk.engine.internal.pipeline.SessionHandlers;
import dev.socketdesk.engine.internal.pipeline.TrafficEditHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Relays one forwarded connection: the client's channel (a session peer, with the session's
 * handlers) and its target's channel. Bytes read on one side are written to the other; when one
 * side does not take them, reading on the other pauses ({@link BackpressureHandler#RELAY_FULL}). An
 * EOF is passed on as a half-close once what was relayed before it is flushed; a side closes once
 * both its directions are done, and the end of either side ends the other after a flush. The
 * target's half-close is its kind's (a TCP FIN, TLS close_notify then FIN, a WebSocket close
 * frame); a target without one (a serial port) is closed at the client's EOF, after a flush.
 *
 * <p>Edits ({@link TrafficEdit}) apply on the target's channel only: to-target ones to what is
 * written to it, to-client ones to what is read from it. So the client's pipeline (log, counters,
 * capture, automatic answers) sees the client's connection as it is on the wire.
 *
 * <p>Event-loop thread only: the target is registered on the client's event loop.
 */
final class ForwardRelay {
  /** The most a client may send before its target is ready; more closes the connection. */
  private static final int EARLY_LIMIT = 1 << 20;

  /** How long an edit holds bytes that may begin a match while no more data comes. */
  static final long EDIT_HOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final Channel client;
  private final PeerHandle peer;
  private final String targetName;
  private final EventDispatcher events;
  private final List<TrafficEdit> edits;

  /** Ends the target's output (a half-close); null when the target has none (then it is closed). */
  private final Function<Channel, ChannelFuture> halfClose;

  private Channel target;

  /** The target's edit handler, or null without edits. */
  private TrafficEditHandler editor;

  /**
   * What the client sent before the target was ready: reading is paused until then, but Netty still
   * reads what came before the client's EOF. At most {@link #EARLY_LIMIT} bytes.
   */
  private final ArrayDeque<ByteBuf> early = new ArrayDeque<>();

  private int earlyBytes;
  private boolean clientEof;
  private boolean clientOutputShut;
  private boolean targetEof;
  private boolean targetOutputShut;

  ForwardRelay(
      Channel client,
      PeerHandle peer,
      String targetName,
      EventDispatcher events,
      List<TrafficEdit> edits,
      Function<Channel, ChannelFuture> halfClose) {
    this.client = client;
    this.halfClose = halfClose;
    this.edits = edits;
    this.peer = peer;
    this.targetName = targetName;
    this.events = events;
  }

  /** The handler that goes in the client's pipeline, before the automatic answers. */
  ChannelHandler clientSide() {
    return new ClientSide();
  }

  /**
   * Sets up the target's pipeline: flow control, the edits if any, then the relay to the client.
   */
  void installTargetSide(Channel channel) {
    channel
        .pipeline()
        .addLast(SessionHandlers.BACKPRESSURE, new BackpressureHandler(events, false));
    if (!edits.isEmpty()) {
      editor =
          new TrafficEditHandler(
              TrafficEdit.rules(edits, TrafficEdit.Direction.TO_CLIENT),
              TrafficEdit.rules(edits, TrafficEdit.Direction.TO_TARGET),
              EDIT_HOLD_NANOS);
      channel.pipeline().addLast(SessionHandlers.EDIT, editor);
    }
    channel.pipeline().addLast(new TargetSide());
  }

  /**
   * The target is ready, its handshakes (if any) done: their notices are shown, and relaying
   * starts; or the target is closed when the client is gone.
   */
  void targetReady(Channel channel, List<HandshakeGate.StageDone> stages) {
    if (!client.isActive()) {
      channel.close();
      return;
    }
    for (HandshakeGate.StageDone stage : stages) {
      if (stage.notice() != null) {
        events.emit(
            new SessionEvent.Notice(
                Instant.now(),
                peer.peer(),
                stage.kind(),
                "target " + targetName + ": " + stage.notice()));
      }
    }
    target = channel;
    // Run once the target's pipeline has seen it become active, not inside its connect listener.
    channel
        .eventLoop()
        .execute(
            () -> {
              for (ByteBuf data; (data = early.poll()) != null; ) {
                target.write(data);
              }
              target.flush();
              if (clientEof) {
                clientEnded();
              }
              client.pipeline().fireUserEventTriggered(BackpressureHandler.RELAY_DRAINED);
            });
  }

  private void releaseEarly() {
    for (ByteBuf data; (data = early.poll()) != null; ) {
      data.release();
    }
  }

  /** The target could not be reached: the log says why, and the client's connection closes. */
  void targetFailed(SessionException why) {
    releaseEarly();
    events.emit(
        SessionEvent.Error.of(Instant.now(), peer.peer(), Failures.forwardTarget(targetName, why)));
    if (peer.closeReason == null) {
      peer.closeReason = CloseReason.LOCAL;
    }
    client.close();
  }

  private static void closeAfterFlush(Channel channel) {
    if (channel != null && channel.isOpen()) {
      channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** Pauses reading on {@code reader} while {@code writer} holds too much of what it read. */
  private static void throttle(Channel reader, Channel writer) {
    writer.flush();
    if (!writer.isWritable()) {
      reader.pipeline().fireUserEventTriggered(BackpressureHandler.RELAY_FULL);
    }
  }

  private void clientEnded() {
    clientEof = true;
    if (target == null) {
      return;
    }
    if (editor != null) {
      editor.releaseOutbound();
    }
    if (halfClose == null) {
      closeAfterFlush(target);
      return;
    }
    target
        .writeAndFlush(Unpooled.EMPTY_BUFFER)
        .addListener(
            f ->
                halfClose
                    .apply(target)
                    .addListener(
                        done -> {
                          targetOutputShut = true;
                          if (targetEof) {
                            target.close();
                          }
                        }));
    if (clientOutputShut) {
      client.close();
    }
  }

  private void targetEnded() {
    targetEof = true;
    DuplexChannel socket = (DuplexChannel) client;
    client
        .writeAndFlush(Unpooled.EMPTY_BUFFER)
        .addListener(
            f ->
                socket
                    .shutdownOutput()
                    .addListener(
                        done -> {
                          clientOutputShut = true;
                          if (clientEof) {
                            client.close();
                          }
                        }));
    if (targetOutputShut) {
      target.close();
    }
  }

  private final class ClientSide extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof ByteBuf data) {
        if (target != null) {
          if (target.isActive()) {
            target.write(data.retainedDuplicate());
          }
        } else if (earlyBytes + data.readableBytes() <= EARLY_LIMIT) {
          earlyBytes += data.readableBytes();
          early.add(data.retainedDuplicate());
        } else {
          targetFailed(
              new SessionException(
                  Kind.OTHER, "the client sent more than 1 MiB before the target was ready"));
        }
      }
      ctx.fireChannelRead(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      if (target != null) {
        throttle(client, target);
      }
      ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (target != null && client.isWritable()) {
        target.pipeline().fireUserEventTriggered(BackpressureHandler.RELAY_DRAINED);
      }
      ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof ChannelInputShutdownEvent) {
        clientEnded();
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      releaseEarly();
      closeAfterFlush(target);
      ctx.fireChannelInactive();
    }
  }

  private final class TargetSide extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (client.isActive()) {
        client.write(msg);
      } else {
        ((ByteBuf) msg).release();
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      throttle(ctx.channel(), client);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (ctx.channel().isWritable()) {
        client.pipeline().fireUserEventTriggered(BackpressureHandler.RELAY_DRAINED);
      }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof ChannelInputShutdownEvent) {
        targetEnded();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (!Failures.isReset(cause)) {
        events.emit(
            SessionEvent.Error.of(
                Instant.now(), peer.peer(), Failures.io(cause, "the target " + targetName)));
      }
      ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (client.isOpen() && peer.closeReason == null && !clientEof) {
        peer.closeReason = CloseReason.LOCAL;
      }
      closeAfterFlush(client);
    }
  }
}
