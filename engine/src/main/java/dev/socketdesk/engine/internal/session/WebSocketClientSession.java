package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.WebSocketClientConfig;
import dev.socketdesk.engine.WebSocketSession;
import dev.socketdesk.engine.internal.websocket.CloseCodes;
import dev.socketdesk.engine.internal.websocket.MessageAdapter;
import io.netty.channel.EventLoopGroup;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A WebSocket client: a TCP client (TLS for wss://) that upgrades its connection. Half-closing is
 * the close handshake with 1000: nothing more is sent, and what the server still sends is read
 * until its close.
 */
final class WebSocketClientSession extends TcpClientSession implements WebSocketSession {
  private final WebSocketClientConfig config;

  WebSocketClientSession(
      int id, WebSocketClientConfig config, EventLoopGroup group, Executor executor) {
    super(
        id, SessionType.WS_CLIENT, config.tcp(), WebSocketPipeline.client(config), group, executor);
    this.config = config;
  }

  @Override
  public String target() {
    return config.url();
  }

  @Override
  public CompletableFuture<Void> sendMessage(int peerId, byte[] data, boolean binary) {
    try {
      return WebSocketControl.message(this, connected(peerId), data, binary);
    } catch (dev.socketdesk.engine.SessionException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<Void> ping(int peerId, byte[] data) {
    try {
      return WebSocketControl.ping(this, connected(peerId), data);
    } catch (dev.socketdesk.engine.SessionException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<Void> closeWith(int peerId, int code, String reason) {
    try {
      return WebSocketControl.close(this, connected(peerId), code, reason);
    } catch (dev.socketdesk.engine.SessionException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Closing starts with the close handshake's 1000, so that the server reads a normal close and not
   * a lost connection; the connection closes once the frame is out (or could not go).
   */
  @Override
  void doClose() {
    java.util.List<dev.socketdesk.engine.internal.pipeline.PeerHandle> all = peers.inIdOrder();
    if (all.isEmpty() || !all.get(0).channel.isActive()) {
      super.doClose();
      return;
    }
    MessageAdapter.close(all.get(0).channel, CloseCodes.NORMAL, "")
        .addListener(f -> super.doClose());
  }

  @Override
  public CompletableFuture<Void> shutdownOutput() {
    return closeWith(0, CloseCodes.NORMAL, "");
  }

  private java.util.List<dev.socketdesk.engine.internal.pipeline.PeerHandle> connected(int peerId) {
    java.util.List<dev.socketdesk.engine.internal.pipeline.PeerHandle> all = peers.inIdOrder();
    if (peerId != 0 && (all.isEmpty() || all.get(0).id != peerId)) {
      throw unknownPeer(peerId);
    }
    if (all.isEmpty()) {
      throw nobodyToSendTo();
    }
    return all;
  }
}
