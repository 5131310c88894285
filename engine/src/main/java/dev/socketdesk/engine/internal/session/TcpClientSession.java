package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.TcpClientConfig;
import dev.socketdesk.engine.internal.failures.Failures;
import dev.socketdesk.engine.internal.pipeline.PeerAddressing;
import dev.socketdesk.engine.internal.pipeline.PeerHandle;
import dev.socketdesk.engine.internal.pipeline.SessionHandlers;
import dev.socketdesk.engine.internal.tls.TlsSetup;
import dev.socketdesk.engine.internal.transport.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslHandler;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A TCP client session: one connection, optionally re-established with backoff. A protocol on top
 * of TCP (WebSocket) gives its own {@link ConnectionSetup}.
 */
class TcpClientSession extends ReconnectingSession {
  private final TcpClientConfig config;
  private final ConnectionSetup setup;
  private final SessionHandlers handlers = new SessionHandlers(this, PeerAddressing.CONNECTION);
  private volatile Channel channel;

  /** The connection's TLS, set before the first attempt; null for plain TCP. */
  private volatile TlsSetup tls;

  TcpClientSession(int id, TcpClientConfig config, EventLoopGroup group, Executor executor) {
    this(id, SessionType.TCP_CLIENT, config, TcpPipeline::install, group, executor);
  }

  TcpClientSession(
      int id,
      SessionType type,
      TcpClientConfig config,
      ConnectionSetup setup,
      EventLoopGroup group,
      Executor executor) {
    super(
        id,
        type,
        group,
        executor,
        config.actions(),
        new Retry(config.reconnect(), config.reconnectMin(), config.reconnectMax()));
    this.config = config;
    this.setup = setup;
  }

  @Override
  public String target() {
    return config.remote().toString();
  }

  @Override
  void doOpen() {
    if (config.tls() != null) {
      try {
        tls = TlsSetup.client(config.tls(), config.remote());
      } catch (SessionException e) {
        failed(e);
        return;
      }
      if (tls.openingNotice() != null) {
        events.emit(new SessionEvent.Notice(Instant.now(), null, "warning", tls.openingNotice()));
      }
    }
    connect();
  }

  private void connect() {
    if (isClosing()) {
      return;
    }
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(Transport.socketChannel())
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .option(ChannelOption.RCVBUF_ALLOCATOR, TcpPipeline.RECV_ALLOCATOR)
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, Transport.WRITE_WATER_MARK)
            .handler(TcpPipeline.client(setup, handlers, tls, config.remote()));
    InetSocketAddress remote = config.remote().unresolved();
    ChannelFuture connecting =
        config.bindHost() == null
            ? bootstrap.connect(remote)
            : bootstrap.connect(remote, new InetSocketAddress(config.bindHost(), 0));
    connecting.addListener(
        (ChannelFuture f) -> {
          if (f.isSuccess()) {
            channel = f.channel();
            if (isClosing()) {
              channel.close().addListener(closed -> finishClose());
            }
            return;
          }
          attemptFailed(
              Failures.connect(
                  f.cause(), target(), config.bindHost(), config.connectTimeout().toMillis()),
              true);
        });
  }

  @Override
  void reopen() {
    connect();
  }

  @Override
  String linkName() {
    return "connection";
  }

  /** The TLS handshake failed: like a failed connection attempt. */
  @Override
  public void handshakeFailed(Channel ch, SessionException error) {
    attemptFailed(error, true);
  }

  @Override
  void peerRegistered(PeerHandle peer) {
    attemptSucceeded();
    opened((InetSocketAddress) peer.channel.localAddress());
  }

  @Override
  void doClose() {
    boolean retrying = cancelRetry();
    Channel ch = channel;
    if (ch != null && ch.isOpen()) {
      closingPeersLocally();
      // A connection still in its handshake (or failing it) is no peer: its close ends the session.
      ch.close()
          .addListener(
              f -> {
                if (peers.isEmpty()) {
                  finishClose();
                }
              });
    } else if (ch != null || retrying) {
      finishClose();
    }
  }

  @Override
  public CompletableFuture<Void> shutdownOutput() {
    Channel ch = channel;
    if (!(ch instanceof SocketChannel socket) || !ch.isActive()) {
      return CompletableFuture.failedFuture(nobodyToSendTo());
    }
    CompletableFuture<Void> result = new CompletableFuture<>();
    SslHandler ssl = ch.pipeline().get(SslHandler.class);
    // TLS first says it sends no more (close_notify), so the peer reads an orderly end.
    ChannelFuture closedTls = ssl == null ? ch.newSucceededFuture() : ssl.closeOutbound();
    closedTls.addListener(
        tlsClosed ->
            socket
                .shutdownOutput()
                .addListener(
                    f -> {
                      if (f.isSuccess()) {
                        result.complete(null);
                      } else {
                        result.completeExceptionally(Failures.io(f.cause(), target()));
                      }
                    }));
    return result;
  }

  @Override
  SessionException nobodyToSendTo() {
    return new SessionException(
        Kind.NOT_CONNECTED,
        "not connected to " + target() + (reconnects() ? " yet; it is reconnecting" : ""));
  }
}
