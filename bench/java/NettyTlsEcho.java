import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.File;

/**
 * The floor of the TLS echo job: a bare Netty epoll echo behind Netty's SslHandler, with the JDK's
 * TLS provider as SocketDesk uses it (no netty-tcnative), on the Netty SocketDesk ships, with
 * SocketDesk's socket tuning (reads up to 256 KiB, 512 KiB/1 MiB write water marks) and nothing
 * else: what SocketDesk's TLS echo could reach at best with this provider. Usage: java -cp
 * socketdesk.jar:DIR NettyTlsEcho PORT CERT KEY
 */
public final class NettyTlsEcho {
  private static final AdaptiveRecvByteBufAllocator READS =
      new AdaptiveRecvByteBufAllocator(512, 8192, 256 * 1024);
  private static final WriteBufferWaterMark WATER_MARK =
      new WriteBufferWaterMark(512 * 1024, 1024 * 1024);

  @ChannelHandler.Sharable
  private static final class Echo extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ctx.write(msg, ctx.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      ctx.flush();
    }
  }

  public static void main(String[] args) throws Exception {
    SslContext tls =
        SslContextBuilder.forServer(new File(args[1]), new File(args[2]))
            .sslProvider(SslProvider.JDK)
            .build();
    Echo echo = new Echo();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    Channel server =
        new ServerBootstrap()
            .group(group)
            .channel(EpollServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.RCVBUF_ALLOCATOR, READS)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline().addLast(tls.newHandler(ch.alloc())).addLast(echo);
                  }
                })
            .bind("127.0.0.1", Integer.parseInt(args[0]))
            .sync()
            .channel();
    System.out.println("listening on " + server.localAddress());
    server.closeFuture().sync();
  }
}
