package dev.socketdesk.engine.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A session's peers by id. The table holds the handles themselves, keyed by their own id, with open
 * addressing: a server holding tens of thousands of idle clients pays a few bytes per peer here
 * instead of a map entry and a boxed key. Thread-safe; every method holds the table's monitor
 * briefly and never calls out.
 */
final class PeerTable {
  private static final int MIN_CAPACITY = 16;

  private PeerHandle[] slots = new PeerHandle[MIN_CAPACITY];
  private int shift = 32 - Integer.numberOfTrailingZeros(MIN_CAPACITY);
  private int size;

  /** Adds a peer; its id must not be in the table. */
  synchronized void put(PeerHandle peer) {
    if ((size + 1) * 4L > slots.length * 3L) {
      resize(slots.length * 2);
    }
    int i = home(peer.id);
    while (slots[i] != null) {
      if (slots[i].id == peer.id) {
        throw new IllegalStateException("peer #" + peer.id + " is already registered");
      }
      i = (i + 1) & (slots.length - 1);
    }
    slots[i] = peer;
    size++;
  }

  /** The peer with this id, or null. */
  synchronized PeerHandle get(int id) {
    int i = indexOf(id);
    return i < 0 ? null : slots[i];
  }

  /** Removes this peer; false when it was not in the table. */
  synchronized boolean remove(PeerHandle peer) {
    int i = indexOf(peer.id);
    if (i < 0 || slots[i] != peer) {
      return false;
    }
    deleteAt(i);
    size--;
    if (slots.length > MIN_CAPACITY && size * 8L < slots.length) {
      resize(slots.length / 2);
    }
    return true;
  }

  synchronized int size() {
    return size;
  }

  synchronized boolean isEmpty() {
    return size == 0;
  }

  /** A copy of the peers, lowest id (the longest known) first. */
  synchronized List<PeerHandle> inIdOrder() {
    List<PeerHandle> all = new ArrayList<>(size);
    for (PeerHandle p : slots) {
      if (p != null) {
        all.add(p);
      }
    }
    all.sort(Comparator.comparingInt(p -> p.id));
    return all;
  }

  /** The peer with the lowest id, or null when empty. */
  synchronized PeerHandle oldest() {
    PeerHandle oldest = null;
    for (PeerHandle p : slots) {
      if (p != null && (oldest == null || p.id < oldest.id)) {
        oldest = p;
      }
    }
    return oldest;
  }

  /** Fibonacci hashing: consecutive ids spread over the table. */
  private int home(int id) {
    return (id * 0x9E3779B9) >>> shift;
  }

  private int indexOf(int id) {
    int mask = slots.length - 1;
    for (int i = home(id); slots[i] != null; i = (i + 1) & mask) {
      if (slots[i].id == id) {
        return i;
      }
    }
    return -1;
  }

  /** Linear-probing deletion without tombstones: later members of the run shift back. */
  private void deleteAt(int hole) {
    int mask = slots.length - 1;
    for (int j = (hole + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
      int h = home(slots[j].id);
      boolean staysPut = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j);
      if (!staysPut) {
        slots[hole] = slots[j];
        hole = j;
      }
    }
    slots[hole] = null;
  }

  private void resize(int capacity) {
    PeerHandle[] old = slots;
    slots = new PeerHandle[capacity];
    shift = 32 - Integer.numberOfTrailingZeros(capacity);
    int mask = capacity - 1;
    for (PeerHandle p : old) {
      if (p != null) {
        int i = home(p.id);
        while (slots[i] != null) {
          i = (i + 1) & mask;
        }
        slots[i] = p;
      }
    }
  }
}
