package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.WebSocketClientConfig;
import dev.socketdesk.engine.WebSocketServerConfig;
import dev.socketdesk.engine.internal.pipeline.HandshakeGate;
import dev.socketdesk.engine.internal.pipeline.SessionHandlers;
import dev.socketdesk.engine.internal.websocket.ClientUpgrade;
import dev.socketdesk.engine.internal.websocket.MessageAdapter;
import dev.socketdesk.engine.internal.websocket.ServerUpgrade;
import io.netty.channel.Channel;
import java.time.Duration;

/**
 * The {@link ConnectionSetup}s of WebSocket: TLS (for wss), the HTTP upgrade, then the session's
 * handlers behind the handshake gate with the {@link MessageAdapter} in front of them.
 */
final class WebSocketPipeline {
  private WebSocketPipeline() {}

  static ConnectionSetup server(WebSocketServerConfig config) {
    return (ch, handlers, tls, peer, acceptedAs) -> {
      if (tls != null) {
        tls.install(ch, peer);
      }
      ServerUpgrade.install(ch.pipeline(), config, peer);
      sessionHandlers(
          ch,
          handlers,
          tls != null,
          acceptedAs,
          config.maxMessageBytes(),
          config.pingInterval(),
          config.sendBinary());
    };
  }

  static ConnectionSetup client(WebSocketClientConfig config) {
    return (ch, handlers, tls, peer, acceptedAs) -> {
      if (tls != null) {
        tls.install(ch, peer);
      }
      ClientUpgrade.install(ch.pipeline(), config);
      sessionHandlers(
          ch,
          handlers,
          tls != null,
          acceptedAs,
          config.maxMessageBytes(),
          config.pingInterval(),
          config.sendBinary());
    };
  }

  private static void sessionHandlers(
      Channel ch,
      SessionHandlers handlers,
      boolean tls,
      int acceptedAs,
      int maxMessageBytes,
      Duration pingInterval,
      boolean sendBinary) {
    handlers.install(ch.pipeline(), acceptedAs, tls ? 2 : 1);
    ch.pipeline()
        .addAfter(
            HandshakeGate.NAME,
            MessageAdapter.NAME,
            new MessageAdapter(
                handlers.session(),
                maxMessageBytes,
                pingInterval == null ? 0 : pingInterval.toMillis(),
                sendBinary));
  }
}
