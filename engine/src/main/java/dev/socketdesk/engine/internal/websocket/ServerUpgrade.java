package dev.socketdesk.engine.internal.websocket;

import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.WebSocketServerConfig;
import dev.socketdesk.engine.internal.pipeline.HandshakeGate;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.CharsetUtil;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server side of the upgrade: answers the client's HTTP request at the configured path with the
 * WebSocket handshake (Netty's handshaker), and anything else with an HTTP error, each reported to
 * the {@link HandshakeGate} as a stage. Removes itself after the upgrade. Event-loop thread only.
 */
public final class ServerUpgrade extends ChannelInboundHandlerAdapter {
  static final long TIMEOUT_MILLIS = 10_000;

  private final WebSocketServerConfig config;
  private final String peer;
  private ScheduledFuture<?> timeout;
  private boolean ended;

  private ServerUpgrade(WebSocketServerConfig config, String peer) {
    this.config = config;
    this.peer = peer;
  }

  /** Adds the HTTP codec, this upgrade, and the message aggregation to a new connection. */
  public static void install(ChannelPipeline pipeline, WebSocketServerConfig config, String peer) {
    pipeline.addLast("http", new HttpServerCodec());
    pipeline.addLast("http-aggregator", new HttpObjectAggregator(64 * 1024));
    pipeline.addLast("websocket-upgrade", new ServerUpgrade(config, peer));
    pipeline.addLast(
        "websocket-aggregator", new WebSocketFrameAggregator(config.maxMessageBytes()));
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    timeout =
        ctx.executor()
            .schedule(
                () ->
                    fail(
                        ctx,
                        "the client at "
                            + peer
                            + " sent no WebSocket upgrade within 10 s; connect it with a"
                            + " WebSocket client"),
                TIMEOUT_MILLIS,
                TimeUnit.MILLISECONDS);
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest request)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    try {
      upgrade(ctx, request);
    } finally {
      request.release();
    }
  }

  private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (request.decoderResult().isFailure()) {
      respond(ctx, HttpResponseStatus.BAD_REQUEST, "This is a WebSocket server.\n");
      fail(
          ctx,
          "the client at "
              + peer
              + " does not speak HTTP or WebSocket; connect it with a WebSocket client");
      return;
    }
    String path = new QueryStringDecoder(request.uri()).path();
    if (!path.equals(config.path())) {
      respond(
          ctx,
          HttpResponseStatus.NOT_FOUND,
          "No WebSocket at " + path + "; this server serves " + config.path() + "\n");
      fail(
          ctx,
          "the client at "
              + peer
              + " asked for "
              + path
              + ", but this server serves WebSocket at "
              + config.path()
              + "; connect to that path");
      return;
    }
    if (!request
        .headers()
        .containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
      respond(
          ctx,
          HttpResponseStatus.UPGRADE_REQUIRED,
          "This is a WebSocket endpoint; connect with a WebSocket client.\n");
      fail(
          ctx,
          "the client at "
              + peer
              + " sent a plain HTTP "
              + request.method()
              + " "
              + path
              + ", not a WebSocket upgrade; connect it with a WebSocket client");
      return;
    }
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory(
                "ws://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + path,
                config.subprotocols().isEmpty() ? null : String.join(",", config.subprotocols()),
                WebSocketDecoderConfig.newBuilder()
                    .maxFramePayloadLength(config.maxMessageBytes())
                    .allowExtensions(false)
                    .build())
            .newHandshaker(request);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
      fail(ctx, "the client at " + peer + " asked for a WebSocket version other than 13");
      return;
    }
    handshaker
        .handshake(ctx.channel(), request)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                fail(
                    ctx, "the WebSocket upgrade of " + peer + " failed: " + f.cause().getMessage());
                return;
              }
              String sub = handshaker.selectedSubprotocol();
              done(
                  ctx,
                  "WebSocket "
                      + path
                      + (sub == null ? "" : ", subprotocol " + sub)
                      + " (max message "
                      + config.maxMessageBytes()
                      + " B)");
            });
  }

  private void done(ChannelHandlerContext ctx, String notice) {
    if (ended) {
      return;
    }
    ended = true;
    timeout.cancel(false);
    ctx.fireUserEventTriggered(new HandshakeGate.StageDone("websocket", notice));
    ctx.pipeline().remove(this);
  }

  private void fail(ChannelHandlerContext ctx, String message) {
    if (ended) {
      return;
    }
    ended = true;
    if (timeout != null) {
      timeout.cancel(false);
    }
    ctx.fireUserEventTriggered(
        new HandshakeGate.StageFailed(new SessionException(Kind.OTHER, message)));
  }

  private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String text) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(text, CharsetUtil.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (timeout != null) {
      timeout.cancel(false);
    }
    ctx.fireChannelInactive();
  }
}
