package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionState;
import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.internal.pipeline.PeerHandle;
import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A session with one link that, with reconnect on, is opened again with exponential backoff when an
 * attempt fails or the link is lost: a TCP client (and the WebSocket client on it) or a serial
 * port. A failed attempt that will be retried is one {@link SessionEvent.Reconnecting} event that
 * carries the failure's code; without reconnect the first failure ends the session.
 */
abstract class ReconnectingSession extends AbstractSession {
  /** Whether to reopen, and the backoff's first and longest wait. */
  record Retry(boolean enabled, Duration min, Duration max) {}

  private final Retry retry;
  private volatile ScheduledFuture<?> retryTimer;

  /** Failed attempts since the link was last up; touched by one attempt at a time. */
  private int attempt;

  ReconnectingSession(
      int id,
      SessionType type,
      EventLoopGroup group,
      Executor executor,
      AutoActions actions,
      Retry retry) {
    super(id, type, group, executor, actions);
    this.retry = retry;
  }

  /** Makes the next attempt to open the link; called by the retry timer on an event loop. */
  abstract void reopen();

  /** What the link is, for the cause of a retry after it was lost: "connection", "port". */
  abstract String linkName();

  final boolean reconnects() {
    return retry.enabled();
  }

  /**
   * An attempt failed with {@code error}: finish closing when the session is closing, retry when
   * reconnect is on and {@code retryable}, else fail the session for good.
   */
  final void attemptFailed(SessionException error, boolean retryable) {
    if (isClosing()) {
      finishClose();
    } else if (retry.enabled() && retryable) {
      scheduleRetry(error.getMessage(), error);
    } else {
      failed(error);
    }
  }

  /** The link is up: the next loss starts the backoff again from its shortest wait. */
  final void attemptSucceeded() {
    attempt = 0;
  }

  private void scheduleRetry(String cause, SessionException failure) {
    attempt++;
    long min = retry.min().toMillis();
    long delay = Math.min(retry.max().toMillis(), min << Math.min(attempt - 1, 20));
    setState(SessionState.OPEN, SessionState.RECONNECTING);
    setState(SessionState.OPENING, SessionState.RECONNECTING);
    events.emit(
        failure == null
            ? new SessionEvent.Reconnecting(Instant.now(), attempt, delay, cause)
            : SessionEvent.Reconnecting.after(Instant.now(), attempt, delay, failure));
    retryTimer = group.next().schedule(this::reopen, delay, TimeUnit.MILLISECONDS);
  }

  @Override
  public void peerDisconnected(PeerHandle peer, CloseReason reason) {
    super.peerDisconnected(peer, reason);
    if (!isClosing() && retry.enabled()) {
      scheduleRetry("the " + linkName() + " was " + reason.inSentence(), null);
    } else {
      finishClose();
    }
  }

  /** Stops a pending retry; true when one was scheduled (it may have run already). */
  final boolean cancelRetry() {
    ScheduledFuture<?> timer = retryTimer;
    if (timer != null) {
      timer.cancel(false);
    }
    return timer != null;
  }

  /** The peers' close is ours: the session is closing them. */
  final void closingPeersLocally() {
    for (PeerHandle peer : peers.inIdOrder()) {
      peer.closeReason = CloseReason.LOCAL;
    }
  }
}
