package dev.socketdesk.engine.internal.events;

import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.SessionListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers one session's events to its listeners, in order, on a pooled thread: never on an event
 * loop, never under a lock. Direct listeners instead get the traffic events ({@link #isTraffic}) at
 * once, on the thread that emits them (a network thread; no emitter of a traffic event holds a
 * lock), before the queued listeners. Tracks the bytes of data events not yet delivered; above
 * {@link #HIGH_WATER} the session's channels pause reading ({@link #isBehind()}), and the resume
 * actions registered with {@link #onCaughtUp(Runnable)} run once delivery falls below {@link
 * #LOW_WATER}.
 */
public final class EventDispatcher {
  static final long HIGH_WATER = 8L << 20;
  static final long LOW_WATER = 2L << 20;

  /**
   * What one event costs beyond its data: the event, its peer and time, and its queue node. Counted
   * so that a flood of empty or one-byte datagrams cannot queue millions of events: at most about
   * {@link #HIGH_WATER} / {@value} of them wait.
   */
  static final int EVENT_OVERHEAD = 128;

  private final Executor executor;
  private final ConcurrentLinkedQueue<SessionEvent> queue = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Runnable> resumeActions = new ConcurrentLinkedQueue<>();
  private volatile SessionListener[] listeners = new SessionListener[0];
  private volatile SessionListener[] direct = new SessionListener[0];
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicLong pendingBytes = new AtomicLong();
  private volatile boolean wantsData;

  /** Whether a queued listener wants data events; when none does, they are not queued. */
  private volatile boolean queueWantsData;

  public EventDispatcher(Executor executor) {
    this.executor = executor;
  }

  public synchronized void addListener(SessionListener listener) {
    List<SessionListener> list = new ArrayList<>(Arrays.asList(listeners));
    list.add(listener);
    setListeners(list);
  }

  public synchronized void addDirectListener(SessionListener listener) {
    List<SessionListener> list = new ArrayList<>(Arrays.asList(direct));
    list.add(listener);
    direct = list.toArray(new SessionListener[0]);
    setListeners(Arrays.asList(listeners));
  }

  /** Removes the listener, queued or direct. */
  public synchronized void removeListener(SessionListener listener) {
    List<SessionListener> list = new ArrayList<>(Arrays.asList(direct));
    list.remove(listener);
    direct = list.toArray(new SessionListener[0]);
    list = new ArrayList<>(Arrays.asList(listeners));
    list.remove(listener);
    setListeners(list);
  }

  private void setListeners(List<SessionListener> list) {
    queueWantsData = list.stream().anyMatch(SessionListener::wantsData);
    wantsData = queueWantsData || Arrays.stream(direct).anyMatch(SessionListener::wantsData);
    listeners = list.toArray(new SessionListener[0]);
  }

  /** Whether any listener wants received and sent bytes. */
  public boolean wantsData() {
    return wantsData;
  }

  /** True when listeners are more than {@link #HIGH_WATER} bytes behind. */
  public boolean isBehind() {
    return pendingBytes.get() > HIGH_WATER;
  }

  /** Runs {@code action} once listeners have caught up (at once if they are not behind). */
  public void onCaughtUp(Runnable action) {
    resumeActions.add(action);
    if (pendingBytes.get() < LOW_WATER) {
      runResumeActions();
    }
  }

  public void emit(SessionEvent event) {
    if (isTraffic(event)) {
      for (SessionListener listener : direct) {
        deliverTo(listener, event);
      }
      if (isData(event) && !queueWantsData) {
        return;
      }
    }
    if (listeners.length == 0) {
      return;
    }
    pendingBytes.addAndGet(dataSize(event));
    queue.add(event);
    if (draining.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    do {
      for (SessionEvent event; (event = queue.poll()) != null; ) {
        deliver(event);
        if (pendingBytes.addAndGet(-dataSize(event)) < LOW_WATER && !resumeActions.isEmpty()) {
          runResumeActions();
        }
      }
      draining.set(false);
    } while (!queue.isEmpty() && draining.compareAndSet(false, true));
  }

  private void deliver(SessionEvent event) {
    for (SessionListener listener : listeners) {
      deliverTo(listener, event);
    }
  }

  private static void deliverTo(SessionListener listener, SessionEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      // Looked up here, not at class load: java.util.logging's set-up would cost every start.
      Logger.getLogger(EventDispatcher.class.getName())
          .log(Level.WARNING, "session listener failed on " + event.getClass().getSimpleName(), e);
    }
  }

  /**
   * The events of a connection's traffic, which direct listeners get: connected, received, sent,
   * disconnected. They are emitted only by pipeline handlers on a network thread, never under a
   * lock.
   */
  static boolean isTraffic(SessionEvent event) {
    return isData(event)
        || event instanceof SessionEvent.Connected
        || event instanceof SessionEvent.Disconnected;
  }

  private static boolean isData(SessionEvent event) {
    return event instanceof SessionEvent.Received || event instanceof SessionEvent.Sent;
  }

  private void runResumeActions() {
    for (Runnable action; (action = resumeActions.poll()) != null; ) {
      action.run();
    }
  }

  /** The bytes an event holds while it waits: its data, if any, and {@link #EVENT_OVERHEAD}. */
  static long dataSize(SessionEvent event) {
    if (event instanceof SessionEvent.Received r) {
      return EVENT_OVERHEAD + r.data().length;
    }
    if (event instanceof SessionEvent.Sent s) {
      return EVENT_OVERHEAD + s.data().length;
    }
    return EVENT_OVERHEAD;
  }
}
