package dev.socketdesk.engine.internal.tls;

import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.internal.events.EventDispatcher;
import dev.socketdesk.engine.internal.pipeline.PeerHandle;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * On a plain TCP connection, looks at the first three bytes received: when they are the header of a
 * TLS alert or handshake record (a TLS server's alert to our plain text, a client's ClientHello),
 * the peer speaks TLS, and one {@code tls-expected} error line says so ({@link
 * TlsFailures#peerSpeaksTls}). The data passes unchanged, at once; the handler removes itself once
 * it has seen three bytes. Event-loop thread only.
 */
public final class TlsRecordHint extends ChannelInboundHandlerAdapter {
  public static final String NAME = "tls-record-hint";
  private static final int ALERT = 0x15;
  private static final int HANDSHAKE = 0x16;

  private final EventDispatcher events;
  private final boolean client;
  private final byte[] header = new byte[3];
  private int seen;

  /** {@code client}: whether we made the connection (then the peer is a server). */
  public TlsRecordHint(EventDispatcher events, boolean client) {
    this.events = events;
    this.client = client;
  }

  /** Whether {@code b0 b1 b2} begin a TLS alert or handshake record (SSL 3.0 to TLS 1.3). */
  static boolean isTlsRecordHeader(int b0, int b1, int b2) {
    return (b0 == ALERT || b0 == HANDSHAKE) && b1 == 0x03 && b2 <= 0x04;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ByteBuf data) {
      int from = data.readerIndex();
      while (seen < header.length && from < data.writerIndex()) {
        header[seen++] = data.getByte(from++);
      }
    }
    ctx.fireChannelRead(msg);
    if (seen < header.length) {
      return;
    }
    ctx.pipeline().remove(this);
    if (isTlsRecordHeader(header[0] & 0xff, header[1] & 0xff, header[2] & 0xff)) {
      PeerHandle peer = PeerHandle.of(ctx.channel());
      String name =
          ctx.channel().remoteAddress() instanceof InetSocketAddress a
              ? HostPort.format(a)
              : "the peer";
      events.emit(
          SessionEvent.Error.of(
              Instant.now(),
              peer == null ? null : peer.peer(),
              TlsFailures.peerSpeaksTls(name, client, header[0] == ALERT)));
    }
  }
}
