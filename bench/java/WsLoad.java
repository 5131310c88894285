import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The load of the WebSocket jobs: one connection sends COUNT binary messages of SIZE bytes with at
 * most WINDOW of them unanswered, and counts the echoes (checking their size).
 * Usage: java -cp socketdesk.jar:DIR WsLoad URL COUNT SIZE WINDOW
 * Output: "messages N seconds S msgps R MBps M"
 */
public final class WsLoad {
  public static void main(String[] args) throws Exception {
    URI uri = new URI(args[0]);
    long count = Long.parseLong(args[1]);
    int size = Integer.parseInt(args[2]);
    int window = Integer.parseInt(args[3]);
    int max = 16 << 20;
    ByteBuf payload = Unpooled.unreleasableBuffer(Unpooled.directBuffer(size).writeZero(size));
    CompletableFuture<Double> done = new CompletableFuture<>();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    SimpleChannelInboundHandler<WebSocketFrame> counter =
        new SimpleChannelInboundHandler<>() {
          long sent;
          long got;
          long start;

          @Override
          public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
              start = System.nanoTime();
              fill(ctx);
            }
            ctx.fireUserEventTriggered(evt);
          }

          private void fill(ChannelHandlerContext ctx) {
            while (sent < count && sent - got < window) {
              ctx.write(new BinaryWebSocketFrame(payload.duplicate()));
              sent++;
            }
            ctx.flush();
          }

          @Override
          protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame.content().readableBytes() != size) {
              done.completeExceptionally(
                  new IllegalStateException("echo of " + frame.content().readableBytes() + " B"));
              return;
            }
            if (++got == count) {
              done.complete((System.nanoTime() - start) / 1e9);
            }
          }

          @Override
          public void channelReadComplete(ChannelHandlerContext ctx) {
            fill(ctx);
          }

          @Override
          public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            done.completeExceptionally(cause);
          }
        };
    Channel ch =
        new Bootstrap()
            .group(group)
            .channel(EpollSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(64 * 1024))
                        .addLast(
                            new WebSocketClientProtocolHandler(
                                WebSocketClientProtocolConfig.newBuilder()
                                    .webSocketUri(uri)
                                    .maxFramePayloadLength(max)
                                    .build()))
                        .addLast(new WebSocketFrameAggregator(max))
                        .addLast(counter);
                  }
                })
            .connect(uri.getHost(), uri.getPort())
            .sync()
            .channel();
    double seconds = done.get(300, TimeUnit.SECONDS);
    System.out.printf(
        "messages %d seconds %.4f msgps %.1f MBps %.1f%n",
        count, seconds, count / seconds, count * (double) size / seconds / 1e6);
    ch.close().sync();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
  }
}
