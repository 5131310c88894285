package dev.socketdesk.core.script.internal;

import java.util.Arrays;

/**
 * What a link received and no expect has consumed yet, as one stream across reads. Data that
 * arrives before an expect asks for it waits here for the next expect; beyond {@link #LIMIT}
 * unconsumed bytes the oldest are dropped (and counted), so a chatty device cannot exhaust memory.
 * Not thread-safe: the link guards it.
 */
final class ReceiveBuffer {
  /** The most unconsumed bytes kept: 1 MiB. */
  static final int LIMIT = 1 << 20;

  private final int limit;
  private byte[] data = new byte[4096];
  private int start;
  private int end;
  private long dropped;

  /** The stream position of {@code data[0]}: bytes received before it. */
  private long base;

  ReceiveBuffer() {
    this(LIMIT);
  }

  ReceiveBuffer(int limit) {
    this.limit = limit;
  }

  void append(byte[] chunk) {
    int length = chunk.length;
    if (length >= limit) {
      dropped += end - start + length - limit;
      base += end + length - limit;
      start = 0;
      end = 0;
      ensure(limit);
      System.arraycopy(chunk, length - limit, data, 0, limit);
      end = limit;
      return;
    }
    int overflow = end - start + length - limit;
    if (overflow > 0) {
      start += overflow;
      dropped += overflow;
    }
    if (end + length > data.length) {
      compactAndGrow(length);
    }
    System.arraycopy(chunk, 0, data, end, length);
    end += length;
  }

  private void compactAndGrow(int extra) {
    int size = end - start;
    if (start > 0) {
      System.arraycopy(data, start, data, 0, size);
      base += start;
      end = size;
      start = 0;
    }
    ensure(size + extra);
  }

  private void ensure(int capacity) {
    if (capacity > data.length) {
      data = Arrays.copyOf(data, Math.max(capacity, Math.min(limit, data.length * 2)));
    }
  }

  /**
   * The first match that starts at or after stream position {@code from} (clamped to what is kept);
   * its offsets index this buffer until the next append or consume.
   */
  Match find(ByteMatcher matcher, long from) {
    long relative = from <= base ? start : from - base;
    int index = (int) Math.max(start, Math.min(end, relative));
    return matcher.find(data, index, end);
  }

  /** Consumes everything before index {@code upTo} of the last {@link #find}. */
  void consume(int upTo) {
    start = Math.max(start, Math.min(upTo, end));
    if (start == end) {
      base += end;
      start = 0;
      end = 0;
    }
  }

  /** The stream position just after the last byte received. */
  long position() {
    return base + end;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  int available() {
    return end - start;
  }

  /** Unconsumed bytes dropped because the buffer was full. */
  long dropped() {
    return dropped;
  }

  /** The last {@code max} unconsumed bytes. */
  byte[] tail(int max) {
    int from = Math.max(start, end - max);
    return Arrays.copyOfRange(data, from, end);
  }
}
