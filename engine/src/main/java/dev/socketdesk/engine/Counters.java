package dev.socketdesk.engine;

/**
 * An exact snapshot of traffic counts. A "message" in is one read from the socket (TCP) or one
 * datagram (UDP); a message out is one write.
 */
public record Counters(long bytesIn, long messagesIn, long bytesOut, long messagesOut) {
  public static final Counters ZERO = new Counters(0, 0, 0, 0);

  /** Sum of two snapshots. */
  public Counters plus(Counters other) {
    return new Counters(
        bytesIn + other.bytesIn,
        messagesIn + other.messagesIn,
        bytesOut + other.bytesOut,
        messagesOut + other.messagesOut);
  }
}
