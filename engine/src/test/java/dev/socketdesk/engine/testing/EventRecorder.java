package dev.socketdesk.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.SessionListener;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records session events for tests: take them in order with a timeout, and check at the end that
 * nothing unexpected is left.
 */
public final class EventRecorder implements SessionListener {
  private static final long TIMEOUT_SECONDS = 10;
  private final BlockingQueue<SessionEvent> events = new LinkedBlockingQueue<>();

  @Override
  public void onEvent(SessionEvent event) {
    events.add(event);
  }

  /** The next event, waiting up to 10 s. */
  public SessionEvent next() {
    try {
      SessionEvent event = events.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (event == null) {
        throw new AssertionError("no event within " + TIMEOUT_SECONDS + " s");
      }
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next event, which must be of the given type. */
  public <T extends SessionEvent> T next(Class<T> type) {
    SessionEvent event = next();
    assertThat(event).isInstanceOf(type);
    return type.cast(event);
  }

  /** Skips events until one of the given type arrives, waiting up to 10 s for each. */
  public <T extends SessionEvent> T skipTo(Class<T> type) {
    while (true) {
      SessionEvent event = next();
      if (type.isInstance(event)) {
        return type.cast(event);
      }
    }
  }

  /**
   * Collects {@link SessionEvent.Received} data until it holds {@code expected} (UTF-8), since TCP
   * may split or merge chunks. Skips other events.
   */
  public String receiveText(String expected) {
    StringBuilder text = new StringBuilder();
    while (text.length() < expected.length()) {
      if (next() instanceof SessionEvent.Received r) {
        text.append(new String(r.data(), StandardCharsets.UTF_8));
      }
    }
    assertThat(text.toString()).isEqualTo(expected);
    return text.toString();
  }

  /** Fails if any event is still queued. */
  public void assertExhausted() {
    assertThat(events).as("unexpected events left over").isEmpty();
  }
}
