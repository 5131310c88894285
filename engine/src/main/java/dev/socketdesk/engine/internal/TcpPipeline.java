package dev.socketdesk.engine.internal;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.socket.SocketChannel;

/** Sets up every TCP connection of a session, client or server side: peer, then actions. */
final class TcpPipeline extends ChannelInitializer<SocketChannel> {
  /** Reads grow from 8 KiB up to 256 KiB while a peer sends in bulk. */
  static final RecvByteBufAllocator RECV_ALLOCATOR =
      new AdaptiveRecvByteBufAllocator(512, 8192, 256 * 1024);

  private final AbstractSession session;

  TcpPipeline(AbstractSession session) {
    this.session = session;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    TcpPeerHandler peer = new TcpPeerHandler(session);
    ch.pipeline().addLast("peer", peer).addLast("actions", new AutoActionHandler(session, peer));
  }
}
