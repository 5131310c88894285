package dev.socketdesk.engine.simulate.internal;

import dev.socketdesk.engine.simulate.Profile;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.URI;

/**
 * What a simulated client device's connection has in front of the device: TLS when the run has it,
 * and for ws-client the WebSocket upgrade (Netty's protocol handler) with an adapter, so that the
 * device reads and writes bytes as over TCP and starts once the upgrade is done.
 */
final class DeviceLayers {
  private static final int MAX_MESSAGE = 16 << 20;

  private DeviceLayers() {}

  static ChannelHandler client(RunContext run, ChannelHandler device) {
    boolean ws = run.config.profile() == Profile.WS_CLIENT;
    if (run.tls == null && !ws) {
      return device;
    }
    return new ChannelInitializer<Channel>() {
      @Override
      protected void initChannel(Channel ch) {
        if (run.tls != null) {
          ch.pipeline().addLast(run.tls.newHandler(ch));
          if (!ws) {
            ch.pipeline().addLast(new AfterTlsHandshake(run));
          }
        }
        if (ws) {
          URI uri =
              URI.create(
                  (run.tls != null ? "wss://" : "ws://")
                      + run.config.target()
                      + run.config.webSocketPath());
          ch.pipeline()
              .addLast(new HttpClientCodec())
              .addLast(new HttpObjectAggregator(64 * 1024))
              .addLast(
                  new WebSocketClientProtocolHandler(
                      WebSocketClientProtocolConfig.newBuilder()
                          .webSocketUri(uri)
                          .maxFramePayloadLength(MAX_MESSAGE)
                          .build()))
              .addLast(new WebSocketFrameAggregator(MAX_MESSAGE))
              .addLast(new MessageBytes(run));
        }
        ch.pipeline().addLast(device);
      }
    };
  }

  /** Starts the device once the TLS handshake is done; a failed one is the device's error. */
  private static final class AfterTlsHandshake extends ChannelInboundHandlerAdapter {
    private final RunContext run;

    AfterTlsHandshake(RunContext run) {
      this.run = run;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      // The device starts once the handshake is done.
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof SslHandshakeCompletionEvent done) {
        ctx.pipeline().remove(this);
        if (done.isSuccess()) {
          ctx.fireChannelActive();
        } else {
          failedBeforeStart(run, ctx, done.cause());
        }
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // The handshake's failure arrives as its completion event; the decoder's copy is dropped.
    }
  }

  /** A device whose handshake failed never started: it counts as failed, like a refused one. */
  private static void failedBeforeStart(
      RunContext run, ChannelHandlerContext ctx, Throwable cause) {
    run.stats.failed.increment();
    run.errors.record(cause);
    run.deviceDone();
    ctx.close();
  }

  /** Messages in as their bytes, bytes out as text messages; the device starts after upgrade. */
  private static final class MessageBytes extends ChannelDuplexHandler {
    private final RunContext run;
    private boolean started;
    private boolean failed;

    MessageBytes(RunContext run) {
      this.run = run;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (started) {
        ctx.fireExceptionCaught(cause);
      } else if (!failed) {
        failed = true;
        failedBeforeStart(run, ctx, cause);
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (!started && !failed) {
        failed = true;
        failedBeforeStart(
            run,
            ctx,
            new IOException("the server closed the connection before the WebSocket upgrade"));
      }
      ctx.fireChannelInactive();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      // The device starts once the upgrade is done.
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
        started = true;
        ctx.fireChannelActive();
      } else if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
        exceptionCaught(ctx, new IOException("no WebSocket upgrade answer within 10 s"));
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame) {
        ctx.fireChannelRead(((io.netty.buffer.ByteBufHolder) msg).content());
      } else {
        ReferenceCountUtil.release(msg);
      }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
      ctx.write(msg instanceof ByteBuf data ? new TextWebSocketFrame(data) : msg, promise);
    }
  }
}
