package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.SessionState;
import dev.socketdesk.engine.internal.events.EventDispatcher;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A session's state and the futures of its opening and its end. NEW to OPENING to OPEN (and
 * RECONNECTING and back), then CLOSING, and CLOSED or FAILED. Each step is one compare-and-set, so
 * a step taken by two threads at once happens once; the end is reported once, by the last event,
 * {@link SessionEvent.Closed}.
 */
final class SessionLifecycle {
  private final int id;
  private final EventDispatcher events;
  private final Runnable doOpen;
  private final Runnable doClose;
  private final Runnable stopPeriodic;
  private final Runnable stopCapture;
  private final AtomicReference<SessionState> state = new AtomicReference<>(SessionState.NEW);
  private final CompletableFuture<InetSocketAddress> opened = new CompletableFuture<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();

  /**
   * @param doOpen starts binding or connecting, which ends in {@link #opened} or {@link #failed}.
   * @param doClose closes the sockets, which ends in {@link #finishClose()}; the state is CLOSING.
   * @param stopPeriodic stops the periodic sends, when closing starts.
   * @param stopCapture stops the capture, once everything is closed (it records the close).
   */
  SessionLifecycle(
      int id,
      EventDispatcher events,
      Runnable doOpen,
      Runnable doClose,
      Runnable stopPeriodic,
      Runnable stopCapture) {
    this.id = id;
    this.events = events;
    this.doOpen = doOpen;
    this.doClose = doClose;
    this.stopPeriodic = stopPeriodic;
    this.stopCapture = stopCapture;
  }

  SessionState state() {
    return state.get();
  }

  CompletableFuture<InetSocketAddress> open() {
    if (!state.compareAndSet(SessionState.NEW, SessionState.OPENING)) {
      return CompletableFuture.failedFuture(
          new SessionException(
              Kind.INVALID, "session " + id + " was already opened; create a new session"));
    }
    doOpen.run();
    return opened;
  }

  CompletableFuture<Void> closed() {
    return closed;
  }

  CompletableFuture<Void> close() {
    while (true) {
      SessionState s = state.get();
      if (s.isTerminal() || s == SessionState.CLOSING) {
        return closed;
      }
      if (s == SessionState.NEW) {
        if (state.compareAndSet(s, SessionState.CLOSED)) {
          opened.completeExceptionally(closedBeforeOpen());
          closed.complete(null);
          return closed;
        }
      } else if (state.compareAndSet(s, SessionState.CLOSING)) {
        stopPeriodic.run();
        doClose.run();
        return closed;
      }
    }
  }

  boolean isClosing() {
    SessionState s = state.get();
    return s == SessionState.CLOSING || s.isTerminal();
  }

  /** OPENING or RECONNECTING to OPEN; the first time, completes {@link #open()}. */
  void opened(InetSocketAddress localAddress) {
    SessionState s = state.get();
    if ((s == SessionState.OPENING || s == SessionState.RECONNECTING)
        && state.compareAndSet(s, SessionState.OPEN)) {
      events.emit(new SessionEvent.Listening(Instant.now(), localAddress));
      opened.complete(localAddress);
    }
  }

  /** Opening failed for good. */
  void failed(SessionException e) {
    SessionState s = state.get();
    if (s.isTerminal() || !state.compareAndSet(s, SessionState.FAILED)) {
      return;
    }
    stopPeriodic.run();
    stopCapture.run();
    events.emit(SessionEvent.Error.of(Instant.now(), null, e));
    events.emit(new SessionEvent.Closed(Instant.now()));
    closed.complete(null);
    opened.completeExceptionally(e);
  }

  void setState(SessionState expected, SessionState next) {
    state.compareAndSet(expected, next);
  }

  /** Everything is closed: report it. Idempotent. */
  void finishClose() {
    SessionState s = state.get();
    if (s.isTerminal() || !state.compareAndSet(s, SessionState.CLOSED)) {
      return;
    }
    stopPeriodic.run();
    stopCapture.run();
    events.emit(new SessionEvent.Closed(Instant.now()));
    closed.complete(null);
    opened.completeExceptionally(closedBeforeOpen());
  }

  private SessionException closedBeforeOpen() {
    return new SessionException(Kind.INVALID, "session " + id + " was closed before it opened");
  }
}
