import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * The reference for the WebSocket jobs: a bare Netty WebSocket echo server (Netty's own protocol
 * handler, aggregated messages up to 16 MiB, each echoed as its kind), on the Netty SocketDesk
 * ships. Usage: java -cp socketdesk.jar:DIR NettyWsEcho PORT PATH
 */
public final class NettyWsEcho {
  private static final class Echo extends SimpleChannelInboundHandler<WebSocketFrame> {
    Echo() {
      super(false);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
      if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
        ctx.write(frame);
      } else {
        frame.release();
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    int max = 16 << 20;
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, EpollIoHandler.newFactory());
    WebSocketServerProtocolConfig config =
        WebSocketServerProtocolConfig.newBuilder()
            .websocketPath(args[1])
            .maxFramePayloadLength(max)
            .build();
    Channel server =
        new ServerBootstrap()
            .group(group)
            .channel(EpollServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(64 * 1024))
                        .addLast(new WebSocketServerProtocolHandler(config))
                        .addLast(new WebSocketFrameAggregator(max))
                        .addLast(new Echo());
                  }
                })
            .bind("127.0.0.1", Integer.parseInt(args[0]))
            .sync()
            .channel();
    System.out.println("listening on " + server.localAddress());
    server.closeFuture().sync();
  }
}
