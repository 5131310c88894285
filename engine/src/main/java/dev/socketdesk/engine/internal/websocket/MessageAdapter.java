package dev.socketdesk.engine.internal.websocket;

import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.internal.pipeline.MessageKinds;
import dev.socketdesk.engine.internal.pipeline.PeerHandle;
import dev.socketdesk.engine.internal.pipeline.PipelineSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.net.InetSocketAddress;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Between the WebSocket codec and the session's shared handlers: a whole text or binary message
 * goes in as one {@link WebSocketMessage}, and bytes written by the session go out as one message
 * each (the kind of the message being answered, else binary when so configured, else text when they
 * are UTF-8; or the kind {@link #outbound} gives it). The shared handlers ask that kind ({@link
 * MessageKinds}) before they count a write, so its sent event names it. Answers pings, shows ping,
 * pong and close frames as notices, runs the close handshake and the periodic ping, and closes with
 * 1009 a message over the limit. Control frames are not counted as data. Event-loop thread only.
 */
public final class MessageAdapter extends ChannelDuplexHandler implements MessageKinds {
  public static final String NAME = "websocket";
  private static final long CLOSE_WAIT_MILLIS = 2000;

  private final PipelineSession session;
  private final int maxMessageBytes;
  private final long pingMillis;
  private final boolean sendBinary;

  /** The kind of the message being handed to the session; its answers go out as that kind. */
  private String answeringKind;

  private ScheduledFuture<?> pinger;
  private long pingSentNanos;
  private boolean closeSent;

  public MessageAdapter(
      PipelineSession session, int maxMessageBytes, long pingMillis, boolean sendBinary) {
    this.session = session;
    this.maxMessageBytes = maxMessageBytes;
    this.pingMillis = pingMillis;
    this.sendBinary = sendBinary;
  }

  /** Sends a ping to the peer on {@code channel}; any thread. */
  public static ChannelFuture ping(Channel channel, byte[] data) {
    ChannelPromise done = channel.newPromise();
    channel.eventLoop().execute(() -> adapter(channel, done, a -> a.sendPing(ctx(channel), data)));
    return done;
  }

  /** Starts the close handshake with the peer on {@code channel}; any thread. */
  public static ChannelFuture close(Channel channel, int code, String reason) {
    ChannelPromise done = channel.newPromise();
    channel
        .eventLoop()
        .execute(() -> adapter(channel, done, a -> a.sendClose(ctx(channel), code, reason)));
    return done;
  }

  /**
   * {@code data} to write as one message of the given kind, whatever kind a plain write would take;
   * the shared handlers count and show it as bytes. Takes over {@code data}.
   */
  public static Object outbound(ByteBuf data, boolean binary) {
    return new WebSocketMessage(binary ? WebSocketMessage.BINARY : WebSocketMessage.TEXT, data);
  }

  private static ChannelHandlerContext ctx(Channel channel) {
    return channel.pipeline().context(NAME);
  }

  private static void adapter(
      Channel channel,
      ChannelPromise done,
      java.util.function.Function<MessageAdapter, ChannelFuture> action) {
    ChannelHandlerContext ctx = ctx(channel);
    if (ctx == null || !channel.isActive()) {
      done.tryFailure(new java.nio.channels.ClosedChannelException());
      return;
    }
    action
        .apply((MessageAdapter) ctx.handler())
        .addListener(
            f -> {
              if (f.isSuccess()) {
                done.trySuccess();
              } else {
                done.tryFailure(f.cause());
              }
            });
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    ctx.channel().attr(MessageKinds.KEY).set(this);
  }

  /** The message a plain write of {@code data} goes out as (see the class comment). */
  @Override
  public Object typed(ByteBuf data) {
    return outbound(data, binary(data));
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    if (pingMillis > 0) {
      pinger =
          ctx.executor()
              .scheduleAtFixedRate(
                  () -> sendPing(ctx, new byte[0]), pingMillis, pingMillis, TimeUnit.MILLISECONDS);
    }
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (pinger != null) {
      pinger.cancel(false);
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof TextWebSocketFrame text) {
      hand(ctx, WebSocketMessage.TEXT, text);
    } else if (msg instanceof BinaryWebSocketFrame binary) {
      hand(ctx, WebSocketMessage.BINARY, binary);
    } else if (msg instanceof PingWebSocketFrame ping) {
      notice(ctx, "ping", "ping received" + size(ping.content()) + ", pong sent");
      ctx.writeAndFlush(new PongWebSocketFrame(ping.content()));
    } else if (msg instanceof PongWebSocketFrame pong) {
      String after =
          pingSentNanos == 0
              ? ""
              : String.format(" after %.2f ms", (System.nanoTime() - pingSentNanos) / 1_000_000.0);
      pingSentNanos = 0;
      notice(ctx, "pong", "pong received" + size(pong.content()) + after);
      pong.release();
    } else if (msg instanceof CloseWebSocketFrame close) {
      closeReceived(ctx, close);
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  private void hand(ChannelHandlerContext ctx, String kind, WebSocketFrame frame) {
    answeringKind = kind;
    try {
      ctx.fireChannelRead(new WebSocketMessage(kind, frame.content()));
    } finally {
      answeringKind = null;
    }
  }

  private void closeReceived(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
    int code = close.statusCode();
    String reason = close.reasonText();
    close.release();
    notice(
        ctx,
        "close",
        "close received: "
            + (code < 0 ? "no status code" : CloseCodes.describe(code))
            + (reason.isEmpty() ? "" : " \"" + reason + "\""));
    if (closeSent) {
      ctx.close();
      return;
    }
    closeSent = true;
    CloseWebSocketFrame answer =
        code < 0 ? new CloseWebSocketFrame() : new CloseWebSocketFrame(code, "");
    ctx.writeAndFlush(answer).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof WebSocketMessage typed) {
      ByteBuf data = typed.content();
      ctx.write(
          typed.kind().equals(WebSocketMessage.BINARY)
              ? new BinaryWebSocketFrame(data)
              : new TextWebSocketFrame(data),
          promise);
    } else if (msg instanceof ByteBuf data && data.isReadable()) {
      ctx.write(
          binary(data) ? new BinaryWebSocketFrame(data) : new TextWebSocketFrame(data), promise);
    } else {
      ctx.write(msg, promise);
    }
  }

  private boolean binary(ByteBuf data) {
    if (answeringKind != null) {
      return answeringKind.equals(WebSocketMessage.BINARY);
    }
    return sendBinary || !isUtf8(data);
  }

  private static boolean isUtf8(ByteBuf data) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(data.nioBuffer());
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    PeerHandle handle = PeerHandle.of(ctx.channel());
    String peer = handle != null ? handle.toString() : peerName(ctx.channel());
    if (cause instanceof TooLongFrameException
        || (cause instanceof CorruptedWebSocketFrameException c
            && c.closeStatus().code() == CloseCodes.MESSAGE_TOO_BIG)) {
      if (!closeSent && !(cause instanceof CorruptedWebSocketFrameException)) {
        closeSent = true;
        ctx.writeAndFlush(new CloseWebSocketFrame(CloseCodes.MESSAGE_TOO_BIG, "message too big"));
      }
      ctx.fireExceptionCaught(
          new SessionException(
              Kind.MESSAGE_TOO_BIG,
              "a message is over the limit of "
                  + maxMessageBytes
                  + " bytes: closed with 1009 (message too big); raise the maximum message size",
              Map.of("peer", peer, "max", Long.toString(maxMessageBytes))));
      return;
    }
    if (cause instanceof CorruptedWebSocketFrameException c) {
      String closedWith = CloseCodes.describe(c.closeStatus().code());
      ctx.fireExceptionCaught(
          new SessionException(
              Kind.WEBSOCKET_PROTOCOL,
              "the peer broke the WebSocket protocol ("
                  + c.getMessage()
                  + "): closed with "
                  + closedWith,
              Map.of("peer", peer, "error", String.valueOf(c.getMessage()), "close", closedWith)));
      return;
    }
    ctx.fireExceptionCaught(cause);
  }

  private ChannelFuture sendPing(ChannelHandlerContext ctx, byte[] data) {
    pingSentNanos = System.nanoTime();
    notice(ctx, "ping", "ping sent" + (data.length == 0 ? "" : " (" + data.length + " B)"));
    return ctx.writeAndFlush(new PingWebSocketFrame(Unpooled.wrappedBuffer(data)));
  }

  private ChannelFuture sendClose(ChannelHandlerContext ctx, int code, String reason) {
    if (closeSent) {
      return ctx.newSucceededFuture();
    }
    closeSent = true;
    PeerHandle peer = PeerHandle.of(ctx.channel());
    if (peer != null && peer.closeReason == null) {
      peer.closeReason = CloseReason.LOCAL;
    }
    notice(
        ctx,
        "close",
        "close sent: "
            + CloseCodes.describe(code)
            + (reason.isEmpty() ? "" : " \"" + reason + "\""));
    ChannelFuture sent = ctx.writeAndFlush(new CloseWebSocketFrame(code, reason));
    ctx.executor().schedule(() -> ctx.channel().close(), CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    return sent;
  }

  private void notice(ChannelHandlerContext ctx, String kind, String message) {
    PeerHandle peer = PeerHandle.of(ctx.channel());
    session
        .events()
        .emit(
            new SessionEvent.Notice(
                Instant.now(), peer == null ? null : peer.peer(), kind, message));
  }

  private static String size(ByteBuf data) {
    return data.isReadable() ? " (" + data.readableBytes() + " B)" : "";
  }

  static String peerName(Channel channel) {
    return channel.remoteAddress() instanceof InetSocketAddress a ? HostPort.format(a) : "the peer";
  }
}
