package dev.socketdesk.engine.internal;

import io.netty.channel.Channel;

/**
 * Turns a channel's auto-read off while any reason to pause holds, and back on when none does. The
 * caller keeps the set of reasons as an int (one field per connection, no object). Event-loop
 * thread of the channel only.
 */
final class ReadGate {
  static final int LISTENERS_BEHIND = 1;
  static final int PEER_NOT_READING = 2;

  private ReadGate() {}

  /** Adds {@code reason} to {@code reasons}; returns the new set. */
  static int pause(Channel channel, int reasons, int reason) {
    if (reasons == 0) {
      channel.config().setAutoRead(false);
    }
    return reasons | reason;
  }

  /** Removes {@code reason} from {@code reasons}; returns the new set. */
  static int resume(Channel channel, int reasons, int reason) {
    if (reasons == 0) {
      return 0;
    }
    int left = reasons & ~reason;
    if (left == 0) {
      channel.config().setAutoRead(true);
    }
    return left;
  }
}
