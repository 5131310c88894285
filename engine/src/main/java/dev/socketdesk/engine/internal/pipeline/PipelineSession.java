package dev.socketdesk.engine.internal.pipeline;

import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.Grouping;
import dev.socketdesk.engine.internal.capture.CaptureFile;
import dev.socketdesk.engine.internal.events.EventDispatcher;
import io.netty.channel.Channel;

/** What the shared pipeline handlers need of the session they serve. Implemented by sessions. */
public interface PipelineSession {
  EventDispatcher events();

  /** The session's totals; each peer keeps its own as well. */
  MutableCounters totals();

  AutoActions autoActions();

  /** How received byte streams are grouped into messages; {@link Grouping#NONE} for not at all. */
  default Grouping grouping() {
    return Grouping.NONE;
  }

  /** The echo prefix of the current automatic actions; callers must not modify it. */
  byte[] echoPrefix();

  /**
   * Registers a new connection as a peer, or returns null when it must be refused. {@code
   * acceptedAs} is the id given in accept order, or 0 to take the next one.
   */
  PeerHandle peerConnected(Channel channel, int acceptedAs);

  /**
   * A connection's handshake (TLS, a WebSocket upgrade) failed before it became a peer; the
   * connection is closing. Event-loop thread.
   */
  void handshakeFailed(Channel channel, dev.socketdesk.engine.SessionException error);

  /** A registered connection ended. */
  void peerDisconnected(PeerHandle peer, CloseReason reason);

  /**
   * Whether the session relays each connection to another (forwarding). Then a handler further on
   * passes the peer's EOF on as a half-close instead of the connection closing, and reading pauses
   * when the other side does not take what is read, not when this side does not take its writes.
   */
  default boolean relays() {
    return false;
  }

  /** The file the session captures into, or null while it does not capture. */
  CaptureFile capture();

  /** Whether the session is closing or closed, so a connection ending now was closed by us. */
  boolean isClosing();
}
