package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.TcpServerConfig;
import dev.socketdesk.engine.internal.failures.Failures;
import dev.socketdesk.engine.internal.pipeline.PeerAddressing;
import dev.socketdesk.engine.internal.pipeline.PeerHandle;
import dev.socketdesk.engine.internal.pipeline.SessionHandlers;
import dev.socketdesk.engine.internal.tls.TlsSetup;
import dev.socketdesk.engine.internal.transport.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server session: many clients, each with its own pipeline. A protocol on top of TCP
 * (WebSocket) gives its own {@link ConnectionSetup}.
 */
class TcpServerSession extends AbstractSession {
  private final TcpServerConfig config;
  private final ConnectionSetup setup;
  private final SessionHandlers handlers = new SessionHandlers(this, PeerAddressing.CONNECTION);
  private volatile Channel serverChannel;

  /** The TLS of every connection, set before listening; null for plain TCP. */
  private volatile TlsSetup tls;

  /** Connections admitted under the client limit and not yet closed; counted only with a limit. */
  private final AtomicInteger admitted = new AtomicInteger();

  TcpServerSession(int id, TcpServerConfig config, EventLoopGroup group, Executor executor) {
    this(id, SessionType.TCP_SERVER, config, group, executor);
  }

  TcpServerSession(
      int id, SessionType type, TcpServerConfig config, EventLoopGroup group, Executor executor) {
    this(id, type, config, TcpPipeline::install, group, executor);
  }

  TcpServerSession(
      int id,
      SessionType type,
      TcpServerConfig config,
      ConnectionSetup setup,
      EventLoopGroup group,
      Executor executor) {
    super(id, type, group, executor, config.actions());
    this.config = config;
    this.setup = setup;
  }

  /**
   * Sets up an accepted connection, not yet registered, that will be peer {@code peerId}: the
   * transport's handlers (TLS when configured), then the session's. Acceptor thread, in accept
   * order.
   */
  void install(Channel child, int peerId) {
    setup.install(
        child, handlers, tls, HostPort.format((InetSocketAddress) child.remoteAddress()), peerId);
  }

  @Override
  public String target() {
    return ListenAddress.describe(config.bindHost(), config.port(), localAddress());
  }

  @Override
  void doOpen() {
    if (config.tls() != null) {
      try {
        tls = TlsSetup.server(config.tls());
      } catch (SessionException e) {
        failed(e);
        return;
      }
    }
    InetSocketAddress address;
    try {
      address = ListenAddress.of(config.bindHost(), config.port());
    } catch (UnknownHostException e) {
      failed(Failures.bind(e, config.bindHost(), config.port()));
      return;
    }
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(group)
            .channel(Transport.serverChannel())
            .option(ChannelOption.SO_REUSEADDR, true)
            .option(ChannelOption.SO_BACKLOG, config.backlog())
            .handler(new AcceptOrderHandler(this))
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
            .childOption(ChannelOption.RCVBUF_ALLOCATOR, TcpPipeline.RECV_ALLOCATOR)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, Transport.WRITE_WATER_MARK)
            .childHandler(TcpPipeline.ACCEPTED);
    bootstrap
        .bind(address)
        .addListener(
            (ChannelFuture f) -> {
              if (!f.isSuccess()) {
                failed(Failures.bind(f.cause(), config.bindHost(), config.port()));
                return;
              }
              serverChannel = f.channel();
              if (isClosing()) {
                doClose();
              } else {
                opened((InetSocketAddress) serverChannel.localAddress());
                if (tls != null && tls.openingNotice() != null) {
                  events.emit(
                      new SessionEvent.Notice(
                          Instant.now(), null, "certificate", tls.openingNotice()));
                }
              }
            });
  }

  /**
   * Whether a just accepted connection may stay: false when the client limit is reached, which is
   * then reported. Acceptor thread, in accept order; each admitted connection is counted until it
   * closes.
   */
  boolean admit(Channel child) {
    int max = config.maxClients();
    if (max > 0 && admitted.incrementAndGet() > max) {
      admitted.decrementAndGet();
      events.emit(
          SessionEvent.Error.of(
              Instant.now(),
              null,
              Failures.clientLimit(
                  HostPort.format((InetSocketAddress) child.remoteAddress()), max)));
      return false;
    }
    if (max > 0) {
      child.closeFuture().addListener(f -> admitted.decrementAndGet());
    }
    return true;
  }

  @Override
  public void peerDisconnected(PeerHandle peer, CloseReason reason) {
    super.peerDisconnected(peer, reason);
    if (isClosing() && peers.isEmpty() && (serverChannel == null || !serverChannel.isOpen())) {
      finishClose();
    }
  }

  @Override
  void doClose() {
    Channel server = serverChannel;
    if (server == null) {
      return;
    }
    server
        .close()
        .addListener(
            f -> {
              if (peers.isEmpty()) {
                finishClose();
                return;
              }
              for (PeerHandle peer : peers.inIdOrder()) {
                peer.closeReason = CloseReason.LOCAL;
                peer.channel.close();
              }
            });
  }

  @Override
  public CompletableFuture<Void> disconnect(int peerId) {
    PeerHandle peer = peers.get(peerId);
    if (peer == null) {
      return CompletableFuture.failedFuture(unknownPeer(peerId));
    }
    peer.closeReason = CloseReason.LOCAL;
    CompletableFuture<Void> result = new CompletableFuture<>();
    peer.channel.close().addListener(f -> result.complete(null));
    return result;
  }

  @Override
  SessionException nobodyToSendTo() {
    return new SessionException(
        Kind.NOT_CONNECTED,
        "no client is connected to " + target() + " yet; wait for a board to connect, then send");
  }
}
