package dev.socketdesk.engine.simulate.internal;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;

/**
 * Checks that what comes back on a connection is exactly what was sent, in order, however the
 * stream is split. Event-loop thread only.
 */
final class EchoVerifier {
  private final ArrayDeque<byte[]> sent = new ArrayDeque<>();
  private final ArrayDeque<Long> sentAt = new ArrayDeque<>();
  private int offset;

  /** Remembers a payload that should come back. */
  void expect(byte[] payload, long nanos) {
    if (payload.length > 0) {
      sent.add(payload);
      sentAt.add(nanos);
    }
  }

  /** Payloads still expected back. */
  int pending() {
    return sent.size();
  }

  /**
   * Compares received bytes with what is expected, recording an RTT for each payload completed.
   *
   * @return false on the first byte that differs or arrives when nothing is expected; the verifier
   *     then expects nothing more.
   */
  boolean check(ByteBuf data, long nowNanos, StatsCollector stats) {
    int index = data.readerIndex();
    int end = data.writerIndex();
    while (index < end) {
      byte[] head = sent.peek();
      if (head == null) {
        return false;
      }
      int n = Math.min(head.length - offset, end - index);
      for (int i = 0; i < n; i++) {
        if (data.getByte(index + i) != head[offset + i]) {
          sent.clear();
          sentAt.clear();
          return false;
        }
      }
      index += n;
      offset += n;
      if (offset == head.length) {
        sent.poll();
        stats.recordRtt(nowNanos - sentAt.poll());
        stats.echoesVerified.increment();
        offset = 0;
      }
    }
    return true;
  }
}
