package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.CaptureOptions;
import dev.socketdesk.engine.FileRing;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.internal.capture.CaptureFile;
import dev.socketdesk.engine.internal.capture.CaptureHandlers;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A session's capture: the file all its channels write to, attached to each open channel, and the
 * timer that flushes it once a second. Started and stopped under this object's lock; the file is
 * read without it by new channels.
 */
final class SessionCapture {
  private final EventLoopGroup group;
  private final Supplier<List<Channel>> channels;
  private final Consumer<SessionException> onFailure;
  private volatile CaptureFile file;
  private ScheduledFuture<?> flush;

  /**
   * @param channels the session's open channels, to attach the capture to.
   * @param onFailure told once when a capture stops writing (a full disk).
   */
  SessionCapture(
      EventLoopGroup group,
      Supplier<List<Channel>> channels,
      Consumer<SessionException> onFailure) {
    this.group = group;
    this.channels = channels;
    this.onFailure = onFailure;
  }

  /** Captures to a new file, replacing the current capture, if any. */
  synchronized void start(CaptureOptions options) {
    CaptureFile started;
    try {
      started = CaptureFile.open(options, onFailure);
    } catch (IOException e) {
      throw new SessionException(Kind.INVALID, FileRing.cannotWrite(e, options.file()));
    }
    CaptureFile old = file;
    file = started;
    for (Channel channel : channels.get()) {
      CaptureHandlers.attach(channel, started);
    }
    if (flush != null) {
      flush.cancel(false);
    }
    flush = group.next().scheduleAtFixedRate(started::flush, 1, 1, TimeUnit.SECONDS);
    if (old != null) {
      old.close();
    }
  }

  /** Stops and closes the capture; nothing when none runs. */
  synchronized void stop() {
    CaptureFile stopped = file;
    if (stopped == null) {
      return;
    }
    file = null;
    flush.cancel(false);
    for (Channel channel : channels.get()) {
      CaptureHandlers.detach(channel);
    }
    stopped.close();
  }

  /** The running capture's file, or null. */
  CaptureFile file() {
    return file;
  }
}
