package dev.socketdesk.core.script.internal;

import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.WebSocketSession;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The writes of one {@link LinkChannel}: a send does not wait for its own write, which saves a
 * thread hand-off per round trip; the next send waits for it instead, so at most one write is in
 * flight per link and a peer that does not read cannot pile up memory. A failed write is reported
 * by the next send or by the next failure on the link.
 */
final class LinkSends {
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);

  private final String name;
  private volatile CompletableFuture<Void> last;

  /** {@code name}: the link's name, as failures show it. */
  LinkSends(String name) {
    this.name = name;
  }

  /** Writes without waiting, on a WebSocket session as one binary or text message. */
  CompletableFuture<Void> write(Session session, byte[] data, Integer to, boolean binary) {
    CompletableFuture<Void> sent;
    if (session instanceof WebSocketSession ws) {
      sent = ws.sendMessage(0, data, binary);
    } else {
      sent = to == null ? session.send(data) : session.send(to, data);
    }
    last = sent;
    return sent;
  }

  /** The previous write's future, or null. */
  CompletableFuture<Void> last() {
    return last;
  }

  /** Waits for the previous write (it usually is done by now); fails if it could not be made. */
  void settlePrevious(long deadline) throws StepFailure {
    CompletableFuture<Void> previous = last;
    if (previous == null) {
      return;
    }
    try {
      previous.get(Deadlines.left(deadline, SEND_TIMEOUT), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new StepFailure("a send on " + name + " failed: " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw notWritten();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailure("interrupted");
    }
  }

  /** Fails when a finished send failed. */
  void check(CompletableFuture<Void> sent) throws StepFailure {
    if (sent != null && sent.isCompletedExceptionally()) {
      try {
        sent.join();
      } catch (CompletionException e) {
        throw new StepFailure("a send on " + name + " failed: " + e.getCause().getMessage());
      }
    }
  }

  /** The failure of a send not written in time. */
  StepFailure notWritten() {
    return new StepFailure(
        "the previous send on " + name + " was not written in time; is the peer reading?");
  }

  /** Why the last write failed, for failure reports; empty when it did not. */
  String lastFailure() {
    CompletableFuture<Void> previous = last;
    if (previous == null || !previous.isCompletedExceptionally()) {
      return "";
    }
    try {
      previous.join();
      return "";
    } catch (CompletionException e) {
      return "; the last send failed: " + e.getCause().getMessage();
    }
  }
}
