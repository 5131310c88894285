package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.internal.pipeline.PeerHandle;
import dev.socketdesk.engine.internal.websocket.CloseCodes;
import dev.socketdesk.engine.internal.websocket.MessageAdapter;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Pings and closes with a code, for the WebSocket sessions: checks, then one frame per peer. */
final class WebSocketControl {
  private WebSocketControl() {}

  static CompletableFuture<Void> ping(
      AbstractSession session, List<PeerHandle> peers, byte[] data) {
    if (data.length > 125) {
      return CompletableFuture.failedFuture(
          new SessionException(
              Kind.INVALID,
              "a ping carries at most 125 bytes, not " + data.length + "; send a shorter one"));
    }
    if (peers.isEmpty()) {
      return CompletableFuture.failedFuture(session.nobodyToSendTo());
    }
    return CompletableFuture.allOf(
        peers.stream()
            .map(p -> session.toFuture(MessageAdapter.ping(p.channel, data), p))
            .toArray(CompletableFuture[]::new));
  }

  /** One message of the given kind to each of {@code peers}, through the session's handlers. */
  static CompletableFuture<Void> message(
      AbstractSession session, List<PeerHandle> peers, byte[] data, boolean binary) {
    if (peers.isEmpty()) {
      return CompletableFuture.failedFuture(session.nobodyToSendTo());
    }
    return CompletableFuture.allOf(
        peers.stream()
            .map(
                p ->
                    session.toFuture(
                        p.channel.writeAndFlush(
                            MessageAdapter.outbound(Unpooled.wrappedBuffer(data), binary)),
                        p))
            .toArray(CompletableFuture[]::new));
  }

  static CompletableFuture<Void> close(
      AbstractSession session, List<PeerHandle> peers, int code, String reason) {
    String why = reason == null ? "" : reason;
    if (!CloseCodes.sendable(code)) {
      return CompletableFuture.failedFuture(
          new SessionException(
              Kind.INVALID,
              "close code "
                  + code
                  + " cannot be sent; use 1000-1003, 1007-1014 or 3000-4999 (e.g. 1000 normal,"
                  + " 1001 going away)"));
    }
    if (why.getBytes(StandardCharsets.UTF_8).length > 123) {
      return CompletableFuture.failedFuture(
          new SessionException(
              Kind.INVALID, "a close reason holds at most 123 bytes of UTF-8; shorten it"));
    }
    if (peers.isEmpty()) {
      return CompletableFuture.failedFuture(session.nobodyToSendTo());
    }
    return CompletableFuture.allOf(
        peers.stream()
            .map(p -> session.toFuture(MessageAdapter.close(p.channel, code, why), p))
            .toArray(CompletableFuture[]::new));
  }
}
