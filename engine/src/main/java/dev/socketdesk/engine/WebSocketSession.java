package dev.socketdesk.engine;

import java.util.concurrent.CompletableFuture;

/**
 * A WebSocket server or client session. Besides sending messages like any session, it pings and
 * closes with a status code. Peer id 0 means every peer (server) or the server (client).
 */
public interface WebSocketSession extends Session {

  /**
   * Sends {@code data} as one binary message ({@code binary}) or one text message, whatever kind
   * {@link #send(byte[])} would choose; a text message's bytes should be UTF-8 (they are sent as
   * given). Peer id 0 sends to every peer (server) or the server (client).
   */
  CompletableFuture<Void> sendMessage(int peerId, byte[] data, boolean binary);

  /** Sends a ping carrying {@code data} (at most 125 bytes); the pong shows as a notice. */
  CompletableFuture<Void> ping(int peerId, byte[] data);

  /**
   * Starts the close handshake: sends a close with {@code code} (1000-4999, not 1004-1006 or 1015)
   * and {@code reason} (at most 123 bytes of UTF-8); the connection closes when the peer answers,
   * or after 2 s.
   */
  CompletableFuture<Void> closeWith(int peerId, int code, String reason);
}
