package dev.socketdesk.web.internal;

import dev.socketdesk.core.event.EventRecord;
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
  private static final int MAX_TRACKED_STREAMS = 4096;

  /** The kind of the marker {@link #addHeld} appends: the page's log only, never exported. */
  static final String HELD = "held";

  /**
   * One log line: an event record, its data cut to {@link #MAX_ENTRY_BYTES}. {@code prevSeq} is the
   * sequence number of the previous data entry of the same peer and direction, so that a renderer
   * knows whether its text decoder state still applies. A {@link #HELD} marker has no record but
   * {@code held}: where a renderer shows the bytes of an incomplete character it still holds.
   */
  record Entry(long seq, EventRecord record, long prevSeq, Held held) {
    byte[] data() {
      return record == null ? null : record.data();
    }

    int peerId() {
      if (held != null) {
        return held.peerId();
      }
      return record.peerId() == null ? 0 : record.peerId();
    }

    boolean received() {
      return held != null ? held.received() : EventRecord.RECEIVED.equals(record.event());
    }

    boolean truncated() {
      return record != null && record.data() != null && record.bytes() > record.data().length;
    }

    long timeMillis() {
      return held != null ? held.timeMillis() : record.time().toEpochMilli();
    }
  }

  /** A pause in one peer's received ({@code received}) or sent data. */
  record Held(long timeMillis, boolean received, int peerId, String peer) {}

  /** What a flush takes: the entries to show and how many newer-than-last-flush ones it skipped. */
  record Drain(List<Entry> entries, long skipped) {}

  private final Entry[] ring = new Entry[CAPACITY];
  private final Map<Long, Long> lastSeqByKey = new HashMap<>();
  private long nextSeq = 1;
  private long oldestSeq = 1;
  private long drainedUpTo;

  /** Appends {@code record}, its data cut to {@link #MAX_ENTRY_BYTES}. */
  synchronized void add(EventRecord record) {
    long seq = nextSeq;
    long prev = 0;
    if (record.isData()) {
      record = record.keepingAtMost(MAX_ENTRY_BYTES);
      long peer = record.peerId() == null ? 0 : record.peerId();
      long key = (peer << 1) | (EventRecord.RECEIVED.equals(record.event()) ? 0 : 1);
      if (lastSeqByKey.size() >= MAX_TRACKED_STREAMS && !lastSeqByKey.containsKey(key)) {
        lastSeqByKey.clear();
      }
      Long last = lastSeqByKey.put(key, seq);
      prev = last == null ? 0 : last;
    }
    append(new Entry(seq, record, prev, null));
  }

  /**
   * Marks the end of a pause in the data of {@code peerId} ({@code received} or sent): a renderer
   * shows there the bytes of an incomplete character it still holds for that stream.
   */
  synchronized void addHeld(long timeMillis, boolean received, int peerId, String peer) {
    append(new Entry(nextSeq, null, 0, new Held(timeMillis, received, peerId, peer)));
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
