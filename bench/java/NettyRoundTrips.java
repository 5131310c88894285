import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * The bare Netty floor for scripted round trips: the same 64-byte send / expect loop as
 * bench/script/python_roundtrips.py, run entirely on the client's event loop (the next message is
 * written in channelRead once the 64 bytes are back and checked), on the Netty that SocketDesk
 * ships. No thread hand-off per round trip. Prints the seconds of the last of LOOPS loops on one
 * connection (the first ones warm the JIT up). Usage: java -cp socketdesk.jar
 * bench/java/NettyRoundTrips.java PORT N [LOOPS]
 */
public final class NettyRoundTrips {
  private static final byte[] PAYLOAD =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-\n"
          .getBytes(StandardCharsets.US_ASCII);

  /** One loop of n round trips; touched only on the channel's event loop. */
  private static final class Loop extends ChannelInboundHandlerAdapter {
    private final byte[] in = new byte[PAYLOAD.length];
    private ChannelHandlerContext ctx;
    private int left;
    private int got;
    private long t0;
    private CompletableFuture<Double> done;

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      this.ctx = ctx;
    }

    /** Starts a loop; call on the event loop. */
    void start(int n, CompletableFuture<Double> done) {
      this.left = n;
      this.done = done;
      t0 = System.nanoTime();
      ctx.writeAndFlush(Unpooled.wrappedBuffer(PAYLOAD), ctx.voidPromise());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf data = (ByteBuf) msg;
      try {
        int take = Math.min(data.readableBytes(), in.length - got);
        data.readBytes(in, got, take);
        got += take;
        if (data.isReadable()) {
          done.completeExceptionally(new IllegalStateException("more bytes than were sent"));
          return;
        }
      } finally {
        data.release();
      }
      if (got < in.length) {
        return;
      }
      got = 0;
      if (!Arrays.equals(in, PAYLOAD)) {
        done.completeExceptionally(new IllegalStateException("a round trip came back different"));
      } else if (--left > 0) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(PAYLOAD), ctx.voidPromise());
      } else {
        done.complete((System.nanoTime() - t0) / 1e9);
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (done != null) {
        done.completeExceptionally(new IllegalStateException("the echo server closed"));
      }
    }
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int n = Integer.parseInt(args[1]);
    int loops = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    try {
      Loop loop = new Loop();
      Channel ch =
          new Bootstrap()
              .group(group)
              .channel(EpollSocketChannel.class)
              .option(ChannelOption.TCP_NODELAY, true)
              .handler(loop)
              .connect("127.0.0.1", port)
              .sync()
              .channel();
      double seconds = 0;
      for (int round = 0; round < loops; round++) {
        CompletableFuture<Double> done = new CompletableFuture<>();
        ch.eventLoop().execute(() -> loop.start(n, done));
        seconds = done.get();
      }
      ch.close().sync();
      System.out.printf("%.4f%n", seconds);
    } finally {
      group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
    }
  }
}
