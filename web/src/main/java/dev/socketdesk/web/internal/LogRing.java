package dev.socketdesk.web.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The recent log of one tab: the last {@link #CAPACITY} entries, each holding at most {@link
 * #MAX_ENTRY_BYTES} bytes of data (and the full size). Appended from the session's dispatcher
 * thread, read from the web event loop; every method is synchronized and short.
 */
final class LogRing {
  static final int CAPACITY = 5000;
  static final int MAX_ENTRY_BYTES = 1024;

  /** The kind of the entry {@link #addHeld} makes. */
  static final String HELD = "held";

  private static final int MAX_TRACKED_STREAMS = 4096;

  enum Direction {
    IN("in"),
    OUT("out"),
    SYS("sys"),
    ERR("err");

    final String code;

    Direction(String code) {
      this.code = code;
    }
  }

  /**
   * One log line. {@code prevSeq} is the sequence number of the previous data entry of the same
   * peer and direction, so that a renderer knows whether its text decoder state still applies.
   */
  record Entry(
      long seq,
      long timeMillis,
      Direction dir,
      int peerId,
      String peer,
      byte[] data,
      int size,
      String kind,
      String text,
      long prevSeq) {

    boolean truncated() {
      return size > data.length;
    }
  }

  /** What a flush takes: the entries to show and how many newer-than-last-flush ones it skipped. */
  record Drain(List<Entry> entries, long skipped) {}

  private final Entry[] ring = new Entry[CAPACITY];
  private final Map<Long, Long> lastSeqByKey = new HashMap<>();
  private long nextSeq = 1;
  private long oldestSeq = 1;
  private long drainedUpTo;

  synchronized void addData(long timeMillis, Direction dir, int peerId, String peer, byte[] data) {
    byte[] kept = data.length > MAX_ENTRY_BYTES ? Arrays.copyOf(data, MAX_ENTRY_BYTES) : data;
    long key = ((long) peerId << 1) | (dir == Direction.IN ? 0 : 1);
    long seq = nextSeq;
    if (lastSeqByKey.size() >= MAX_TRACKED_STREAMS && !lastSeqByKey.containsKey(key)) {
      lastSeqByKey.clear();
    }
    Long prev = lastSeqByKey.put(key, seq);
    append(
        new Entry(
            seq,
            timeMillis,
            dir,
            peerId,
            peer,
            kept,
            data.length,
            null,
            null,
            prev == null ? 0 : prev));
  }

  synchronized void addNote(long timeMillis, Direction dir, String kind, String peer, String text) {
    addNote(timeMillis, dir, kind, 0, peer, text);
  }

  /** A note about peer {@code peerId} (0: none), e.g. its disconnect. */
  synchronized void addNote(
      long timeMillis, Direction dir, String kind, int peerId, String peer, String text) {
    append(new Entry(nextSeq, timeMillis, dir, peerId, peer, null, 0, kind, text, 0));
  }

  /**
   * Marks the end of a pause in the {@code dir} data of {@code peerId}: a renderer shows there the
   * bytes of an incomplete character it still holds for that stream (the entry's {@code dir} is the
   * stream's, its kind {@value #HELD}).
   */
  synchronized void addHeld(long timeMillis, Direction dir, int peerId, String peer) {
    append(new Entry(nextSeq, timeMillis, dir, peerId, peer, null, 0, HELD, null, 0));
  }

  private void append(Entry e) {
    ring[(int) (e.seq() % CAPACITY)] = e;
    nextSeq = e.seq() + 1;
    if (nextSeq - oldestSeq > CAPACITY) {
      oldestSeq = nextSeq - CAPACITY;
    }
  }

  /** The last sequence number a {@link #drain} handed out or skipped, 0 when none. */
  synchronized long drainedUpTo() {
    return drainedUpTo;
  }

  /** The last sequence number appended, 0 when none. */
  synchronized long lastSeq() {
    return nextSeq - 1;
  }

  /**
   * Entries appended since the last drain: the newest ones that fit {@code maxLines} and {@code
   * maxBytes} of data; the rest are counted as skipped.
   */
  synchronized Drain drain(int maxLines, int maxBytes) {
    long from = Math.max(drainedUpTo + 1, oldestSeq);
    long pending = nextSeq - (drainedUpTo + 1);
    List<Entry> taken = new ArrayList<>();
    int bytes = 0;
    for (long s = nextSeq - 1; s >= from && taken.size() < maxLines; s--) {
      Entry e = ring[(int) (s % CAPACITY)];
      int len = e.data() == null ? 0 : e.data().length;
      if (!taken.isEmpty() && bytes + len > maxBytes) {
        break;
      }
      bytes += len;
      taken.add(e);
    }
    drainedUpTo = nextSeq - 1;
    Collections.reverse(taken);
    return new Drain(taken, pending - taken.size());
  }

  /** The newest {@code max} entries, oldest first. */
  synchronized List<Entry> tail(int max) {
    return tail(max, Integer.MAX_VALUE);
  }

  /** The newest entries, at most {@code max} of them holding at most {@code maxBytes} of data. */
  synchronized List<Entry> tail(int max, int maxBytes) {
    List<Entry> out = new ArrayList<>();
    int bytes = 0;
    for (long s = nextSeq - 1; s >= oldestSeq && out.size() < max; s--) {
      Entry e = ring[(int) (s % CAPACITY)];
      bytes += e.data() == null ? 0 : e.data().length;
      if (bytes > maxBytes && !out.isEmpty()) {
        break;
      }
      out.add(e);
    }
    Collections.reverse(out);
    return out;
  }

  /** Forgets every entry; sequence numbers go on. */
  synchronized void clear() {
    Arrays.fill(ring, null);
    oldestSeq = nextSeq;
    drainedUpTo = nextSeq - 1;
    lastSeqByKey.clear();
  }
}
