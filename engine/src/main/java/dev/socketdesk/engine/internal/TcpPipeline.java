package dev.socketdesk.engine.internal;

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
   * The child handler of a server. {@link AcceptOrderHandler} has installed the peer handler
   * already; this one only satisfies the bootstrap and removes itself.
   */
  static final ChannelHandler ACCEPTED =
      new ChannelInitializer<SocketChannel>() {
        @Override
        protected void initChannel(SocketChannel ch) {}
      };

  private TcpPipeline() {}

  /** The handler of a client's connection: a new peer handler for each connection attempt. */
  static ChannelHandler client(AbstractSession session) {
    return new ChannelInitializer<SocketChannel>() {
      @Override
      protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast("peer", new TcpPeerHandler(session, 0));
      }
    };
  }
}
