package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.internal.pipeline.PeerHandle;
import io.netty.channel.Channel;
import io.netty.util.collection.IntObjectHashMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A session's peers by id, in Netty's {@link IntObjectHashMap} (no boxed keys or entry objects,
 * which matters with tens of thousands of idle clients). Thread-safe; every method holds the
 * table's monitor briefly and never calls out.
 */
final class PeerTable {
  private final IntObjectHashMap<PeerHandle> byId = new IntObjectHashMap<>();

  /** Adds a peer; its id must not be in the table. */
  synchronized void put(PeerHandle peer) {
    if (byId.putIfAbsent(peer.id, peer) != null) {
      throw new IllegalStateException("peer #" + peer.id + " is already registered");
    }
  }

  /** The peer with this id, or null. */
  synchronized PeerHandle get(int id) {
    return byId.get(id);
  }

  /** The peers' own channels, in id order (a UDP peer has none). */
  List<Channel> channels() {
    List<Channel> channels = new ArrayList<>();
    for (PeerHandle peer : inIdOrder()) {
      if (peer.channel != null) {
        channels.add(peer.channel);
      }
    }
    return channels;
  }

  /** Removes this peer; false when it was not in the table. */
  synchronized boolean remove(PeerHandle peer) {
    return byId.remove(peer.id, peer);
  }

  synchronized int size() {
    return byId.size();
  }

  synchronized boolean isEmpty() {
    return byId.isEmpty();
  }

  /** A copy of the peers, lowest id (the longest known) first. */
  synchronized List<PeerHandle> inIdOrder() {
    List<PeerHandle> all = new ArrayList<>(byId.values());
    all.sort(Comparator.comparingInt(p -> p.id));
    return all;
  }

  /** The peer with the lowest id, or null when empty. */
  synchronized PeerHandle oldest() {
    PeerHandle oldest = null;
    for (PeerHandle p : byId.values()) {
      if (oldest == null || p.id < oldest.id) {
        oldest = p;
      }
    }
    return oldest;
  }

  /** The failure to reach peer {@code peerId}, which is not connected: names the ones that are. */
  SessionException notConnected(int peerId) {
    return new SessionException(
        Kind.NOT_CONNECTED, "peer #" + peerId + " is not connected; " + connectedIds());
  }

  /** The ids to pick from, for an error message: the first few, and how many there are. */
  private String connectedIds() {
    List<PeerHandle> all = inIdOrder();
    if (all.isEmpty()) {
      return "nobody is connected now";
    }
    int shown = Math.min(all.size(), 10);
    StringBuilder ids = new StringBuilder("pick one of ");
    for (int i = 0; i < shown; i++) {
      ids.append(i == 0 ? "#" : ", #").append(all.get(i).id);
    }
    if (all.size() > shown) {
      ids.append(", ... (").append(all.size()).append(" connected)");
    }
    return ids.toString();
  }
}
