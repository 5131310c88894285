package dev.socketdesk.core.script.internal;

import dev.socketdesk.core.script.Link;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.Peer;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionListener;
import dev.socketdesk.engine.WebSocketSession;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * One link of a running test: the engine session the CLI would open for it, and the stream of data
 * its peer sent. A {@code listen} link talks to its first client only; a UDP link hears every
 * sender. Traffic events (data, a client connecting or leaving) arrive directly on the network
 * thread, the rest on the session's dispatcher thread; the test's thread waits on {@link #changed}
 * under {@link #lock}. While a {@link RepeatOnLink} is attached, it runs on as data arrives, and
 * the test's thread is woken only by the loop itself and by the link closing.
 */
final class LinkChannel implements SessionListener {
  private final String name;
  private final Link link;
  private final Transcript transcript;
  private final String sentLine;
  private final String receivedLine;
  final ReentrantLock lock = new ReentrantLock();
  final Condition changed = lock.newCondition();
  final ReceiveBuffer buffer = new ReceiveBuffer();
  private Session session;
  private Peer peer;
  private boolean peerGone;
  private boolean closed;
  private String lastError;
  private final LinkSends sends;

  /** The loop that runs on this link's data, or null. Guarded by {@link #lock}. */
  private RepeatOnLink loop;

  LinkChannel(String name, Link link, Transcript transcript) {
    this.name = name;
    this.link = link;
    this.transcript = transcript;
    this.sentLine = name + " TX";
    this.receivedLine = name + " RX";
    this.sends = new LinkSends(name);
  }

  /**
   * How failures name this link: {@code the link} for a test's only one, else {@code link NAME}.
   */
  private String described() {
    return name.equals(dev.socketdesk.core.script.TestCase.DEFAULT_LINK)
        ? "the link"
        : "link " + name;
  }

  /** Opens the session with the link's values filled in by {@code vars}. */
  void open(Engine engine, UnaryOperator<String> vars, long deadline) throws StepFailure {
    try {
      session = LinkSpecs.create(engine, link, vars);
    } catch (IllegalArgumentException e) {
      throw new StepFailure(described() + ": " + e.getMessage());
    }
    session.addDirectListener(this::onTraffic);
    session.addListener(this);
    try {
      session.open().get(Deadlines.left(deadline, Duration.ofSeconds(10)), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      String why =
          e.getCause() instanceof SessionException se
              ? se.getMessage()
              : String.valueOf(e.getCause());
      throw new StepFailure(described() + " (" + session.target() + ") did not open: " + why);
    } catch (TimeoutException e) {
      throw new StepFailure(described() + " (" + session.target() + ") did not open in time");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailure("interrupted while opening " + described());
    }
    transcript.add(name + " open: " + session.target());
  }

  /** The bound local port, for simulated clients that connect to this link. */
  int localPort() {
    return session.localAddress().getPort();
  }

  /**
   * Sends {@code data}; on a WebSocket link as one binary message ({@code binary}) or one text
   * message, elsewhere as bytes.
   */
  void send(byte[] data, boolean binary, long deadline) throws StepFailure {
    Integer to = null;
    if (link instanceof Link.Listen listen) {
      to =
          awaitPeer(
              Math.min(deadline, System.nanoTime() + listen.acceptTimeout().toNanos()), listen);
    } else {
      lock.lock();
      try {
        to = target();
      } finally {
        lock.unlock();
      }
    }
    sends.settlePrevious(deadline);
    write(data, to, binary);
  }

  /**
   * Writes without waiting (on a WebSocket link as one binary or text message); the caller has
   * settled the previous send.
   */
  CompletableFuture<Void> write(byte[] data, Integer to, boolean binary) {
    return sends.write(session, data, to, binary);
  }

  /** The previous send's future, or null. */
  CompletableFuture<Void> lastSend() {
    return sends.last();
  }

  /**
   * Where a send goes without waiting: the listen link's client (null when none connected yet, see
   * {@link #awaitPeer}), or null for the session's default target. Holds {@link #lock}.
   */
  Integer target() throws StepFailure {
    if (link instanceof Link.Listen) {
      return peer == null ? null : peer.id();
    }
    if (link instanceof Link.Udp udp && udp.to() == null && peer == null) {
      throw new StepFailure(
          "udp link "
              + name
              + " has no 'to' and has heard from no one to answer; add to: HOST:PORT");
    }
    return null;
  }

  /** Fails when a finished send failed. */
  void checkSent(CompletableFuture<Void> sent) throws StepFailure {
    sends.check(sent);
  }

  /** The failure of a send not written in time. */
  StepFailure notWritten() {
    return sends.notWritten();
  }

  /** Whether the peer or the session has gone. Holds {@link #lock}. */
  boolean ended() {
    return peerGone || closed;
  }

  /**
   * Attaches (or with null detaches) the loop that runs on this link's data. Holds {@link #lock}.
   */
  void attach(RepeatOnLink loop) {
    this.loop = loop;
  }

  int awaitPeer(long deadline, Link.Listen listen) throws StepFailure {
    lock.lock();
    try {
      while (peer == null) {
        if (closed || !waitUntil(deadline)) {
          throw new StepFailure(
              "no client connected to "
                  + session.target()
                  + " within "
                  + Deadlines.show(listen.acceptTimeout()),
              "a client",
              "none");
        }
      }
      return peer.id();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until {@code matcher} matches the unconsumed data, then consumes it up to the match's
   * end.
   */
  Match expect(ByteMatcher matcher, long deadline, boolean hex, Charset charset)
      throws StepFailure {
    lock.lock();
    try {
      long from = Long.MIN_VALUE;
      while (true) {
        Match match = buffer.find(matcher, from);
        if (match != null) {
          buffer.consume(match.end());
          return match;
        }
        from = matcher.overlap() < 0 ? Long.MIN_VALUE : buffer.position() - matcher.overlap();
        if (peerGone || closed) {
          throw notReceived(matcher, "the peer closed the connection first", hex, charset);
        }
        if (!waitUntil(deadline)) {
          throw notReceived(matcher, null, hex, charset);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Waits out the window; fails at once if {@code matcher} matches unconsumed data. */
  void expectNone(ByteMatcher matcher, long deadline, Charset charset) throws StepFailure {
    lock.lock();
    try {
      do {
        Match match = buffer.find(matcher, Long.MIN_VALUE);
        if (match != null) {
          throw new StepFailure(
              "received " + matcher.expected() + ", which must not arrive",
              "nothing matching " + matcher.expected(),
              received(false, charset));
        }
      } while (waitUntil(deadline));
    } finally {
      lock.unlock();
    }
  }

  void expectClose(long deadline) throws StepFailure {
    lock.lock();
    try {
      while (!peerGone && !closed) {
        if (!waitUntil(deadline)) {
          throw new StepFailure(
              "the peer did not close the connection in time",
              "the peer to close",
              received(false, StandardCharsets.UTF_8));
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Closes the link (a WebSocket link with a close message, 1000, first); its session's close
   * completes in the background.
   */
  void close() {
    if (session instanceof WebSocketSession ws && !session.peers().isEmpty()) {
      ws.closeWith(0, 1000, "").whenComplete((ok, failed) -> session.close());
    } else if (session != null) {
      session.close();
    }
  }

  /** Waits for a change until {@code deadline}; false when the time is up. Holds {@link #lock}. */
  private boolean waitUntil(long deadline) throws StepFailure {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      return false;
    }
    try {
      changed.awaitNanos(left);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailure("interrupted");
    }
  }

  StepFailure notReceived(ByteMatcher matcher, String why, boolean hex, Charset charset) {
    String got = received(hex, charset);
    return new StepFailure(
        (why == null ? "did not receive " + matcher.expected() + " in time" : why)
            + "; received "
            + got
            + (lastError == null ? "" : "; last error: " + lastError)
            + sends.lastFailure(),
        matcher.expected(),
        got);
  }

  /** The tail of the unconsumed data, for failure reports. Holds {@link #lock}. */
  private String received(boolean hex, Charset charset) {
    if (buffer.available() == 0) {
      return "nothing ("
          + (buffer.dropped() > 0 ? buffer.dropped() + " B dropped unread" : "all consumed")
          + ")";
    }
    byte[] tail = buffer.tail(128);
    return (tail.length < buffer.available()
            ? "(last " + tail.length + " of " + buffer.available() + " B) "
            : "")
        + Shown.bytes(tail, hex, charset);
  }

  /** Lifecycle events, from the dispatcher thread; traffic comes to {@link #onTraffic}. */
  @Override
  public void onEvent(SessionEvent event) {
    if (event instanceof SessionEvent.Error e) {
      update(
          () -> {
            lastError = e.message();
            transcript.add(name + " error: " + e.message());
          });
    } else if (event instanceof SessionEvent.Closed) {
      update(() -> closed = true);
    }
  }

  @Override
  public boolean wantsData() {
    return false;
  }

  /** Traffic events, on the network thread as they happen; then the attached loop runs on. */
  private void onTraffic(SessionEvent event) {
    RepeatOnLink running;
    lock.lock();
    try {
      traffic(event);
      running = loop;
      if (running == null) {
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
    if (running != null) {
      running.resume();
    }
  }

  /** Holds {@link #lock}. */
  private void traffic(SessionEvent event) {
    if (event instanceof SessionEvent.Received r) {
      received(r);
    } else if (event instanceof SessionEvent.Sent s) {
      transcript.addData(sentLine, s.data());
    } else if (event instanceof SessionEvent.Connected c) {
      if (peer == null) {
        peer = c.peer();
        transcript.add(name + " connected " + c.peer().hostPort());
      } else {
        transcript.add(name + " ignores another client " + c.peer().hostPort());
      }
    } else if (event instanceof SessionEvent.Disconnected d) {
      if (peer != null && peer.id() == d.peer().id()) {
        peerGone = true;
        transcript.add(name + " disconnected: " + d.reason().description());
      }
    }
  }

  /** Holds {@link #lock}. */
  private void received(SessionEvent.Received r) {
    if (link instanceof Link.Udp || link instanceof Link.Serial) {
      peer = r.peer();
    } else if (peer == null || peer.id() != r.peer().id()) {
      return;
    }
    buffer.append(r.data());
    transcript.addData(receivedLine, r.data());
  }

  private void update(Runnable change) {
    lock.lock();
    try {
      change.run();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
