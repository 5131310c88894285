package dev.socketdesk.engine.internal;

import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.Peer;
import dev.socketdesk.engine.PeerInfo;
import dev.socketdesk.engine.ReplyRule;
import io.netty.channel.Channel;
import java.time.Instant;
import java.util.List;

/** A session's view of one peer: identity, counters, and per-peer state of automatic actions. */
final class PeerHandle {
  final Peer peer;
  final Instant connectedAt;
  final MutableCounters counters = new MutableCounters();

  /** The peer's own connection (TCP); null for UDP, whose peers share the session's socket. */
  final Channel channel;

  /** Set before we close the connection ourselves, so the close is reported as ours. */
  volatile CloseReason closeReason;

  private ReplyMatcher matcher;

  PeerHandle(Peer peer, Channel channel) {
    this.peer = peer;
    this.channel = channel;
    this.connectedAt = Instant.now();
  }

  PeerInfo info() {
    return new PeerInfo(peer, connectedAt, counters.snapshot());
  }

  /** The reply matcher for these rules, new when the rules changed. Event-loop thread only. */
  ReplyMatcher matcher(List<ReplyRule> rules) {
    if (matcher == null || matcher.rules() != rules) {
      matcher = new ReplyMatcher(rules);
    }
    return matcher;
  }
}
