package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.internal.pipeline.SessionHandlers;
import dev.socketdesk.engine.internal.tls.TlsRecordHint;
import dev.socketdesk.engine.internal.tls.TlsSetup;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
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

  /**
   * The handler of a client's connection: on each connection attempt, TLS when {@code tls} is set,
   * then the session's handlers.
   */
  static ChannelHandler client(
      ConnectionSetup setup, SessionHandlers handlers, TlsSetup tls, HostPort remote) {
    return new ChannelInitializer<SocketChannel>() {
      @Override
      protected void initChannel(SocketChannel ch) {
        setup.install(ch, handlers, tls, remote.toString(), 0);
      }
    };
  }

  /**
   * A connection's handlers: TLS when {@code tls} is set (then the session's handlers wait for its
   * handshake), then the session's. {@code peer} names the other side in messages; {@code
   * acceptedAs} is 0 on a connection we made, a server's peer id on an accepted one. A plain
   * connection that does not relay watches for a peer that speaks TLS ({@link TlsRecordHint}).
   */
  static void install(
      Channel ch, SessionHandlers handlers, TlsSetup tls, String peer, int acceptedAs) {
    if (tls != null) {
      tls.install(ch, peer);
    }
    handlers.install(ch.pipeline(), acceptedAs, tls == null ? 0 : 1);
    if (tls == null && !handlers.session().relays()) {
      ch.pipeline()
          .addAfter(
              SessionHandlers.LIFECYCLE,
              TlsRecordHint.NAME,
              new TlsRecordHint(handlers.session().events(), acceptedAs == 0));
    }
  }
}
