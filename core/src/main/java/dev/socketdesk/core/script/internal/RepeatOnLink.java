package dev.socketdesk.core.script.internal;

import dev.socketdesk.core.script.Step;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a {@code repeat} of send, expect and set steps on one link where that link's data arrives:
 * when an expect matches on the network thread, the next send is written right there, so a round
 * trip costs no thread hand-off. A step still runs only after the previous one passed, and at most
 * one send per link is unwritten (a send waits for the previous write, as on the test's thread).
 *
 * <p>The test's thread starts the loop and waits for its end. It fails the step being waited for
 * when its time runs out, when the link ends, or when the test is interrupted; it is woken only for
 * these, and when the loop ends.
 *
 * <p>Invariants: every field is guarded by the link's lock. One thread at a time runs steps (state
 * {@link State#RUNNING}); it releases the lock only to write, so listeners and the engine are never
 * called under it. Any other thread that finds the loop running leaves it alone: the runner checks
 * the received data, the link's end and {@link #stop} before it parks.
 */
final class RepeatOnLink {
  /**
   * What steps need from the test (its variables, placeholders and deadlines). Called only by the
   * thread running the loop, so one at a time.
   */
  interface Steps {
    byte[] encode(Step.Send send) throws StepFailure;

    ByteMatcher matcher(Step.Expect expect) throws StepFailure;

    void matched(Match match);

    void set(Step.Set set);

    /** {@code timeout} from now, bounded by the test's own deadline. */
    long deadline(Duration timeout);
  }

  /** How a loop failed: the step, its iteration (from 1), when it started, and why. */
  record Failure(Step step, int iteration, long startNanos, StepFailure failure) {}

  private enum State {
    RUNNING,
    WAITING_DATA,
    WAITING_WRITE,
    DONE
  }

  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

  private final LinkChannel link;
  private final List<Step> body;
  private final int count;
  private final Steps steps;
  private final ReentrantLock lock;
  private final Condition changed;
  private State state = State.RUNNING;
  private int iteration = 1;
  private int index;
  private long stepStart = System.nanoTime();
  private ByteMatcher matcher;
  private long from = Long.MIN_VALUE;
  private long waitDeadline;
  private CompletableFuture<Void> pendingWrite;
  private long sleepingUntil = Long.MAX_VALUE;
  private boolean stop;
  private Failure failure;

  RepeatOnLink(LinkChannel link, Step.Repeat repeat, Steps steps) {
    this.link = link;
    this.body = repeat.steps();
    this.count = repeat.count();
    this.steps = steps;
    this.lock = link.lock;
    this.changed = link.changed;
  }

  /**
   * The link that {@code repeat} runs on when it can run this way (its steps are all sends, expects
   * and sets, and the sends and expects name one link), else null.
   */
  static String linkOf(Step.Repeat repeat) {
    String name = null;
    for (Step step : repeat.steps()) {
      String on;
      if (step instanceof Step.Send s) {
        on = s.link();
      } else if (step instanceof Step.Expect e) {
        on = e.link();
      } else if (step instanceof Step.Set) {
        continue;
      } else {
        return null;
      }
      if (on == null || (name != null && !name.equals(on))) {
        return null;
      }
      name = on;
    }
    return name;
  }

  /** Whether the loop sends, so that a listen link must have its client first. */
  boolean sends() {
    return body.stream().anyMatch(Step.Send.class::isInstance);
  }

  /**
   * On the test's thread: runs the loop to its end, and returns null when every iteration passed.
   * An interrupt ends the loop with an "interrupted" failure and stays set on the thread. A listen
   * link that {@link #sends()} has its client already.
   */
  Failure run() {
    boolean interrupted = false;
    lock.lock();
    try {
      link.attach(this);
      drive();
      while (state != State.DONE) {
        // Each branch ends the loop or takes it over (and so makes progress), else this sleeps.
        if (state != State.RUNNING) {
          boolean late = System.nanoTime() - waitDeadline >= 0;
          if (interrupted) {
            fail(new StepFailure("interrupted"));
            continue;
          }
          if (state == State.WAITING_DATA && (late || link.ended())) {
            // It matches what is buffered first, then fails on the link's end or the time.
            state = State.RUNNING;
            drive();
            continue;
          }
          if (state == State.WAITING_WRITE && pendingWrite.isDone()) {
            state = State.RUNNING;
            drive();
            continue;
          }
          if (state == State.WAITING_WRITE && late) {
            fail(link.notWritten());
            continue;
          }
        }
        try {
          if (state == State.RUNNING) {
            sleepingUntil = Long.MAX_VALUE;
            changed.await();
          } else {
            sleepingUntil = waitDeadline;
            changed.awaitNanos(waitDeadline - System.nanoTime());
          }
        } catch (InterruptedException e) {
          interrupted = true;
          stop = true;
        }
        sleepingUntil = Long.MAX_VALUE;
      }
      return failure;
    } finally {
      link.attach(null);
      lock.unlock();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** From any thread on a change (data, a write done): runs the loop on if it was waiting. */
  void resume() {
    lock.lock();
    try {
      if (state == State.WAITING_DATA || (state == State.WAITING_WRITE && pendingWrite.isDone())) {
        state = State.RUNNING;
        drive();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs steps until the loop waits or ends. Holds the lock; the caller has just set {@link
   * State#RUNNING}, which makes the loop this thread's until it is set to anything else.
   */
  private void drive() {
    while (state == State.RUNNING) {
      Object next = advance();
      if (next instanceof Outgoing out) {
        // Still running, so still ours while the lock is released.
        lock.unlock();
        try {
          link.write(out.data, out.to, out.binary);
        } finally {
          lock.lock();
        }
      } else if (next instanceof CompletableFuture<?> write) {
        // Waiting, so no longer ours: the write's completion resumes it, perhaps at once.
        lock.unlock();
        try {
          write.whenComplete((ignored, error) -> resume());
        } finally {
          lock.lock();
        }
        return;
      }
    }
  }

  /** A send to write; {@code binary} as a WebSocket message. */
  private record Outgoing(byte[] data, Integer to, boolean binary) {}

  /**
   * Runs steps until one must write ({@link Outgoing}, still running) or wait (the write to wait
   * for, or null for data), or the loop ends (null). Holds the lock.
   */
  private Object advance() {
    try {
      while (true) {
        if (index == body.size()) {
          index = 0;
          iteration++;
        }
        if (iteration > count) {
          end(null);
          return null;
        }
        if (stop) {
          throw new StepFailure("interrupted");
        }
        Step step = body.get(index);
        if (step instanceof Step.Set s) {
          steps.set(s);
          next();
        } else if (step instanceof Step.Send s) {
          CompletableFuture<Void> previous = link.lastSend();
          if (previous != null && !previous.isDone()) {
            pendingWrite = previous;
            park(State.WAITING_WRITE, steps.deadline(SEND_TIMEOUT));
            return previous;
          }
          link.checkSent(previous);
          Integer to = link.target();
          byte[] data = steps.encode(s);
          next();
          return new Outgoing(data, to, s.hex());
        } else {
          Step.Expect e = (Step.Expect) step;
          if (matcher == null) {
            matcher = steps.matcher(e);
            waitDeadline = steps.deadline(e.timeout());
            from = Long.MIN_VALUE;
          }
          Match match = link.buffer.find(matcher, from);
          if (match != null) {
            link.buffer.consume(match.end());
            steps.matched(match);
            next();
            continue;
          }
          from =
              matcher.overlap() < 0 ? Long.MIN_VALUE : link.buffer.position() - matcher.overlap();
          boolean hex = e.kind() == Step.Kind.HEX;
          if (link.ended()) {
            throw link.notReceived(
                matcher, "the peer closed the connection first", hex, e.charset());
          }
          if (System.nanoTime() - waitDeadline >= 0) {
            throw link.notReceived(matcher, null, hex, e.charset());
          }
          park(State.WAITING_DATA, waitDeadline);
          return null;
        }
      }
    } catch (StepFailure f) {
      fail(f);
      return null;
    }
  }

  private void next() {
    index++;
    matcher = null;
    pendingWrite = null;
    stepStart = System.nanoTime();
  }

  /** Waits until {@code deadline}; wakes the test's thread only if it sleeps past it. */
  private void park(State waiting, long deadline) {
    state = waiting;
    waitDeadline = deadline;
    if (sleepingUntil == Long.MAX_VALUE || deadline - sleepingUntil < 0) {
      changed.signalAll();
    }
  }

  private void fail(StepFailure f) {
    end(new Failure(body.get(index % body.size()), iteration, stepStart, f));
  }

  private void end(Failure result) {
    failure = result;
    state = State.DONE;
    changed.signalAll();
  }
}
