package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.internal.pipeline.SessionHandlers;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.socket.SocketChannel;

/** How every TCP connection of a session, client or server side, is set up. */
final class TcpPipeline {
  /** Reads grow from 8 KiB up to 256 KiB while a peer sends in bulk. */
  static final RecvByteBufAllocator RECV_ALLOCATOR =
      new AdaptiveRecvByteBufAllocator(512, 8192, 256 * 1024);

  /**
   * The child handler of a server. {@link AcceptOrderHandler} has installed the session's handlers
   * already; this one only satisfies the bootstrap and removes itself.
   */
  static final ChannelHandler ACCEPTED =
      new ChannelInitializer<SocketChannel>() {
        @Override
        protected void initChannel(SocketChannel ch) {}
      };

  private TcpPipeline() {}

  /** The handler of a client's connection: the session's handlers on each connection attempt. */
  static ChannelHandler client(SessionHandlers handlers) {
    return new ChannelInitializer<SocketChannel>() {
      @Override
      protected void initChannel(SocketChannel ch) {
        handlers.install(ch.pipeline(), 0);
      }
    };
  }
}
