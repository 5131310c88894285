package dev.socketdesk.engine.internal.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * How a message transport (WebSocket) sends plain bytes written by the session: the kind of message
 * they become. Set on a channel by its message handler, so that the shared handlers decide a
 * write's kind once, before counting it, and the sent event shows the kind that went out.
 */
public interface MessageKinds {
  AttributeKey<MessageKinds> KEY = AttributeKey.valueOf("socketdesk.message-kinds");

  /** {@code data} as the one message a plain write of it becomes, with its kind. Takes over it. */
  Object typed(ByteBuf data);

  /** The message kinds of {@code channel}, or null for a byte stream or datagrams. */
  static MessageKinds of(Channel channel) {
    return channel.hasAttr(KEY) ? channel.attr(KEY).get() : null;
  }
}
