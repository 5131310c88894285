package dev.socketdesk.engine.internal.pipeline;

import dev.socketdesk.engine.Counters;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Thread-safe traffic counters: four longs updated with atomic adds, small enough to keep one per
 * connection (tens of thousands of idle peers). Written from event loops; read and reset anywhere.
 */
public class MutableCounters {
  private static final VarHandle BYTES_IN;
  private static final VarHandle MESSAGES_IN;
  private static final VarHandle BYTES_OUT;
  private static final VarHandle MESSAGES_OUT;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      BYTES_IN = lookup.findVarHandle(MutableCounters.class, "bytesIn", long.class);
      MESSAGES_IN = lookup.findVarHandle(MutableCounters.class, "messagesIn", long.class);
      BYTES_OUT = lookup.findVarHandle(MutableCounters.class, "bytesOut", long.class);
      MESSAGES_OUT = lookup.findVarHandle(MutableCounters.class, "messagesOut", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private volatile long bytesIn;
  private volatile long messagesIn;
  private volatile long bytesOut;
  private volatile long messagesOut;

  public void received(long bytes) {
    BYTES_IN.getAndAdd(this, bytes);
    MESSAGES_IN.getAndAdd(this, 1L);
  }

  public void sent(long bytes) {
    BYTES_OUT.getAndAdd(this, bytes);
    MESSAGES_OUT.getAndAdd(this, 1L);
  }

  public Counters snapshot() {
    return new Counters(bytesIn, messagesIn, bytesOut, messagesOut);
  }

  public void reset() {
    bytesIn = 0;
    messagesIn = 0;
    bytesOut = 0;
    messagesOut = 0;
  }
}
