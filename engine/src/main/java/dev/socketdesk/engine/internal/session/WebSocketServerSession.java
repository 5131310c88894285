package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.WebSocketServerConfig;
import dev.socketdesk.engine.WebSocketSession;
import dev.socketdesk.engine.internal.pipeline.PeerHandle;
import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** A WebSocket server: a TCP server whose connections upgrade at a path. */
final class WebSocketServerSession extends TcpServerSession implements WebSocketSession {
  private final WebSocketServerConfig config;

  WebSocketServerSession(
      int id, WebSocketServerConfig config, EventLoopGroup group, Executor executor) {
    super(
        id, SessionType.WS_SERVER, config.tcp(), WebSocketPipeline.server(config), group, executor);
    this.config = config;
  }

  @Override
  public String target() {
    return super.target() + config.path();
  }

  @Override
  public CompletableFuture<Void> sendMessage(int peerId, byte[] data, boolean binary) {
    try {
      return WebSocketControl.message(this, peers(peerId), data, binary);
    } catch (dev.socketdesk.engine.SessionException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<Void> ping(int peerId, byte[] data) {
    try {
      return WebSocketControl.ping(this, peers(peerId), data);
    } catch (dev.socketdesk.engine.SessionException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<Void> closeWith(int peerId, int code, String reason) {
    try {
      return WebSocketControl.close(this, peers(peerId), code, reason);
    } catch (dev.socketdesk.engine.SessionException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Closes one client's connection with the close handshake (1000). */
  @Override
  public CompletableFuture<Void> disconnect(int peerId) {
    if (peerId == 0) {
      return CompletableFuture.failedFuture(unknownPeer(peerId));
    }
    return closeWith(peerId, 1000, "");
  }

  private List<PeerHandle> peers(int peerId) {
    if (peerId == 0) {
      return peers.inIdOrder();
    }
    PeerHandle peer = peers.get(peerId);
    if (peer == null) {
      throw unknownPeer(peerId);
    }
    return List.of(peer);
  }
}
