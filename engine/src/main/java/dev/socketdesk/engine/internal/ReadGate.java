package dev.socketdesk.engine.internal;

import io.netty.channel.Channel;

/**
 * Turns a channel's auto-read off while any reason to pause holds, and back on when none does.
 * Event-loop thread of the channel only.
 */
final class ReadGate {
  static final int LISTENERS_BEHIND = 1;
  static final int PEER_NOT_READING = 2;

  private final Channel channel;
  private int reasons;

  ReadGate(Channel channel) {
    this.channel = channel;
  }

  void pause(int reason) {
    if (reasons == 0) {
      channel.config().setAutoRead(false);
    }
    reasons |= reason;
  }

  void resume(int reason) {
    if (reasons == 0) {
      return;
    }
    reasons &= ~reason;
    if (reasons == 0) {
      channel.config().setAutoRead(true);
    }
  }

  boolean isPaused(int reason) {
    return (reasons & reason) != 0;
  }
}
