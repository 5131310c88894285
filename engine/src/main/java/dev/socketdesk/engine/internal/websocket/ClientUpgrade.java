package dev.socketdesk.engine.internal.websocket;

import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.WebSocketClientConfig;
import dev.socketdesk.engine.internal.pipeline.HandshakeGate;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The client side of the upgrade: sends the handshake request once the connection (and its TLS) is
 * up, checks the answer with Netty's handshaker, and reports to the {@link HandshakeGate}. Removes
 * itself after the upgrade. Event-loop thread only.
 */
public final class ClientUpgrade extends ChannelInboundHandlerAdapter {
  private final WebSocketClientHandshaker handshaker;
  private final WebSocketClientConfig config;
  private ScheduledFuture<?> timeout;
  private boolean ended;

  private ClientUpgrade(WebSocketClientConfig config) {
    this.config = config;
    HttpHeaders headers = new DefaultHttpHeaders();
    config.headers().forEach(h -> headers.add(h.name(), h.value()));
    this.handshaker =
        WebSocketClientHandshakerFactory.newHandshaker(
            config.uri(),
            WebSocketVersion.V13,
            config.subprotocols().isEmpty() ? null : String.join(",", config.subprotocols()),
            false,
            headers,
            config.maxMessageBytes());
  }

  /** Adds the HTTP codec, this upgrade, and the message aggregation to a new connection. */
  public static void install(ChannelPipeline pipeline, WebSocketClientConfig config) {
    pipeline.addLast("http", new HttpClientCodec());
    pipeline.addLast("http-aggregator", new HttpObjectAggregator(64 * 1024));
    pipeline.addLast("websocket-upgrade", new ClientUpgrade(config));
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
                        "no WebSocket answer from "
                            + config.url()
                            + " within 10 s; check that it is a WebSocket server (and ws:// or"
                            + " wss://)"),
                ServerUpgrade.TIMEOUT_MILLIS,
                TimeUnit.MILLISECONDS);
    handshaker
        .handshake(ctx.channel())
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                fail(ctx, "cannot send the WebSocket upgrade: " + f.cause().getMessage());
              }
            });
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (ended || !(msg instanceof FullHttpResponse response)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    try {
      handshaker.finishHandshake(ctx.channel(), response);
      String sub = handshaker.actualSubprotocol();
      ended = true;
      timeout.cancel(false);
      ctx.fireUserEventTriggered(
          new HandshakeGate.StageDone(
              "websocket",
              "WebSocket "
                  + config.path()
                  + (sub == null || sub.isEmpty() ? "" : ", subprotocol " + sub)
                  + " (max message "
                  + config.maxMessageBytes()
                  + " B)"));
      ctx.pipeline().remove(this);
    } catch (WebSocketHandshakeException e) {
      fail(
          ctx,
          config.url()
              + " refused the WebSocket upgrade (HTTP "
              + response.status()
              + (response.status().code() == 101 ? "; " + e.getMessage() : "")
              + "); check the path and subprotocols");
    } finally {
      response.release();
    }
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

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (timeout != null) {
      timeout.cancel(false);
    }
    ctx.fireChannelInactive();
  }
}
