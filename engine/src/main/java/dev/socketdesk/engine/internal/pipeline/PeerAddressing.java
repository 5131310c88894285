package dev.socketdesk.engine.internal.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.function.Function;

/**
 * How a transport's messages map to peers: a connection is one peer ({@link #CONNECTION}); a
 * datagram socket serves every address it hears from ({@link #datagrams}). This is all the shared
 * handlers need to know about the transport.
 */
public interface PeerAddressing {
  /** One peer per channel, registered by {@link PeerLifecycleHandler}. */
  PeerAddressing CONNECTION =
      new PeerAddressing() {
        @Override
        public PeerHandle peerOf(Channel channel, Object msg, boolean inbound) {
          return channel.attr(PeerHandle.KEY).get();
        }

        @Override
        public Object to(PeerHandle peer, ByteBuf data) {
          return data;
        }

        @Override
        public boolean isConnection() {
          return true;
        }
      };

  /**
   * Datagrams: the peer is the sender of what is read ({@code heardFrom}) and the recipient of what
   * is written ({@code sendingTo}).
   */
  static PeerAddressing datagrams(
      Function<InetSocketAddress, PeerHandle> heardFrom,
      Function<InetSocketAddress, PeerHandle> sendingTo) {
    return new PeerAddressing() {
      @Override
      public PeerHandle peerOf(Channel channel, Object msg, boolean inbound) {
        if (msg instanceof DatagramPacket packet) {
          return inbound ? heardFrom.apply(packet.sender()) : sendingTo.apply(packet.recipient());
        }
        return null;
      }

      @Override
      public Object to(PeerHandle peer, ByteBuf data) {
        return new DatagramPacket(data, peer.address);
      }

      @Override
      public boolean isConnection() {
        return false;
      }
    };
  }

  /**
   * The peer that {@code msg}, read ({@code inbound}) or written on {@code channel}, belongs to.
   */
  PeerHandle peerOf(Channel channel, Object msg, boolean inbound);

  /** {@code data} as a message to {@code peer}; takes over {@code data}. */
  Object to(PeerHandle peer, ByteBuf data);

  /** True when a channel is one peer's connection. */
  boolean isConnection();

  /** The bytes a message carries, or null when it carries none. */
  static ByteBuf content(Object msg) {
    if (msg instanceof ByteBuf buf) {
      return buf;
    }
    return msg instanceof ByteBufHolder holder ? holder.content() : null;
  }
}
