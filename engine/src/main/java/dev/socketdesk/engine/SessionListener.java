package dev.socketdesk.engine;

/**
 * Receives a session's events.
 *
 * <p>Calls come from one dispatcher thread per session, in event order, never on a network event
 * loop and never while the engine holds a lock. A slow listener does not lose data: when listeners
 * fall behind by more than a few MiB of received data, the session stops reading from the network
 * until they catch up (TCP flow control then slows the sender).
 */
@FunctionalInterface
public interface SessionListener {

  void onEvent(SessionEvent event);

  /**
   * Whether this listener needs {@link SessionEvent.Received} events. When no listener of a session
   * wants data, received bytes are counted and released without being copied or decoded: the fast
   * path for sinks.
   */
  default boolean wantsData() {
    return true;
  }
}
