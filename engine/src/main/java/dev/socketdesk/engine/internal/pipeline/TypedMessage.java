package dev.socketdesk.engine.internal.pipeline;

/**
 * A whole message of a message transport (WebSocket) on its way to the shared handlers, with its
 * kind ({@code text}, {@code binary}), which the received event shows.
 */
public interface TypedMessage {
  String kind();
}
