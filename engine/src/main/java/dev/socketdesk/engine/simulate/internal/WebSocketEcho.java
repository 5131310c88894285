package dev.socketdesk.engine.simulate.internal;

import dev.socketdesk.engine.internal.events.EventDispatcher;
import dev.socketdesk.engine.internal.pipeline.BackpressureHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;

/**
 * The ws-echo-server profile's connections: TLS when the run has it, the upgrade at any path
 * (Netty's protocol handler, which also answers pings and close), then every whole text or binary
 * message is sent back as the same kind.
 */
final class WebSocketEcho {
  private static final int MAX_MESSAGE = 16 << 20;

  private WebSocketEcho() {}

  static ChannelInitializer<Channel> pipeline(RunContext run) {
    Echo echo = new Echo(run);
    ServerConnections connections = new ServerConnections(run);
    EventDispatcher noListeners = new EventDispatcher(Runnable::run);
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        if (run.tls != null) {
          ch.pipeline().addLast(run.tls.newHandler(ch));
        }
        ch.pipeline()
            .addLast(new BackpressureHandler(noListeners, true))
            .addLast(new HttpServerCodec())
            .addLast(new HttpObjectAggregator(64 * 1024))
            .addLast(
                new WebSocketServerProtocolHandler(
                    WebSocketServerProtocolConfig.newBuilder()
                        .websocketPath("/")
                        .checkStartsWith(true)
                        .subprotocols("*")
                        .maxFramePayloadLength(MAX_MESSAGE)
                        .build()))
            .addLast(new WebSocketFrameAggregator(MAX_MESSAGE))
            .addLast(echo)
            .addLast(connections);
      }
    };
  }

  /** Sends each message back and counts its bytes, as the tcp echo server does. */
  @Sharable
  private static final class Echo extends ChannelInboundHandlerAdapter {
    private final RunContext run;

    Echo(RunContext run) {
      this.run = run;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame) {
        int n = ((WebSocketFrame) msg).content().readableBytes();
        run.stats.received(n);
        run.stats.sent(n);
        ctx.writeAndFlush(msg, ctx.voidPromise());
      } else {
        ReferenceCountUtil.release(msg);
      }
    }
  }
}
