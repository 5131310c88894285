package dev.socketdesk.engine;

import java.time.Instant;

/** A connected peer with when it connected and its traffic so far. */
public record PeerInfo(Peer peer, Instant connectedAt, Counters counters) {}
