package dev.socketdesk.engine.internal.websocket;

import dev.socketdesk.engine.internal.pipeline.TypedMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/** A whole text or binary WebSocket message, as the shared handlers see it. */
final class WebSocketMessage extends DefaultByteBufHolder implements TypedMessage {
  static final String TEXT = "text";
  static final String BINARY = "binary";

  private final String kind;

  WebSocketMessage(String kind, ByteBuf content) {
    super(content);
    this.kind = kind;
  }

  @Override
  public String kind() {
    return kind;
  }
}
