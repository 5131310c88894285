import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.pcap.PcapWriteHandler;
import io.netty.util.ReferenceCountUtil;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The library's floor for capture: a bare Netty epoll TCP sink (one event loop, one handler that
 * discards what it reads), with or without Netty's {@link PcapWriteHandler} in front of it writing
 * into a plain {@code BufferedOutputStream} over a {@code FileOutputStream} (256 KiB buffer, the
 * same size as SocketDesk's capture buffer). Nothing of SocketDesk runs: the ratio of the two
 * modes is what PcapWriteHandler itself costs on this machine. Run with socketdesk.jar on the
 * class path. Usage: java -cp socketdesk.jar:DIR PcapFloor PORT [PCAP_FILE]
 */
public final class PcapFloor {
  @ChannelHandler.Sharable
  private static final class Discard extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ReferenceCountUtil.release(msg);
    }
  }

  public static void main(String[] args) throws InterruptedException, IOException {
    int port = Integer.parseInt(args[0]);
    OutputStream capture =
        args.length > 1
            ? new BufferedOutputStream(new FileOutputStream(args[1]), 256 * 1024)
            : null;
    if (capture != null) {
      PcapWriteHandler.writeGlobalHeader(capture);
    }
    Discard discard = new Discard();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    Channel server =
        new ServerBootstrap()
            .group(group)
            .channel(EpollServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    if (capture != null) {
                      ch.pipeline()
                          .addLast(
                              PcapWriteHandler.builder()
                                  .sharedOutputStream(true)
                                  .writePcapGlobalHeader(false)
                                  .build(capture));
                    }
                    ch.pipeline().addLast(discard);
                  }
                })
            .bind("127.0.0.1", port)
            .sync()
            .channel();
    System.out.println("listening on " + server.localAddress());
    server.closeFuture().sync();
  }
}
