package dev.socketdesk.engine.internal.pipeline;

import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.Peer;
import dev.socketdesk.engine.PeerInfo;
import dev.socketdesk.engine.ReplyRule;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

/**
 * A session's view of one peer: identity, exact counters, and per-peer state of automatic actions.
 * A server may hold tens of thousands of these, so it is one object: it extends its counters
 * instead of holding them, and keeps the connect time as a number.
 */
public final class PeerHandle extends MutableCounters {
  /** A connection's peer, on its channel; set by {@link PeerLifecycleHandler}. */
  static final AttributeKey<PeerHandle> KEY = AttributeKey.valueOf("socketdesk.peer");

  public final int id;
  public final InetSocketAddress address;

  /** The peer's own connection (TCP); null for UDP, whose peers share the session's socket. */
  public final Channel channel;

  private final long connectedAtEpochNanos;

  /** Set before we close the connection ourselves, so the close is reported as ours. */
  public volatile CloseReason closeReason;

  private ReplyMatcher matcher;

  public PeerHandle(int id, InetSocketAddress address, Channel channel) {
    this.id = id;
    this.address = address;
    this.channel = channel;
    Instant now = Instant.now();
    this.connectedAtEpochNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** The peer a connection was registered as, or null before (or without) that. */
  public static PeerHandle of(Channel channel) {
    return channel.attr(KEY).get();
  }

  /** The public identity of this peer, as carried by events. */
  public Peer peer() {
    return new Peer(id, address);
  }

  public PeerInfo info() {
    return new PeerInfo(peer(), Instant.ofEpochSecond(0, connectedAtEpochNanos), snapshot());
  }

  /** The reply matcher for these rules, new when the rules changed. Event-loop thread only. */
  ReplyMatcher matcher(List<ReplyRule> rules) {
    if (matcher == null || matcher.rules() != rules) {
      matcher = new ReplyMatcher(rules);
    }
    return matcher;
  }

  @Override
  public String toString() {
    return peer().toString();
  }
}
