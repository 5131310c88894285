package dev.socketdesk.engine.internal;

import dev.socketdesk.engine.Counters;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe traffic counters; written from event loops, read and reset from anywhere. */
final class MutableCounters {
  private final LongAdder bytesIn = new LongAdder();
  private final LongAdder messagesIn = new LongAdder();
  private final LongAdder bytesOut = new LongAdder();
  private final LongAdder messagesOut = new LongAdder();

  void received(long bytes) {
    bytesIn.add(bytes);
    messagesIn.increment();
  }

  void sent(long bytes) {
    bytesOut.add(bytes);
    messagesOut.increment();
  }

  Counters snapshot() {
    return new Counters(bytesIn.sum(), messagesIn.sum(), bytesOut.sum(), messagesOut.sum());
  }

  void reset() {
    bytesIn.reset();
    messagesIn.reset();
    bytesOut.reset();
    messagesOut.reset();
  }
}
