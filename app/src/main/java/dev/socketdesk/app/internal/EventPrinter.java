package dev.socketdesk.app.internal;

import dev.socketdesk.core.event.EventRecord.PeerTotals;
import dev.socketdesk.engine.Counters;
import dev.socketdesk.engine.Peer;
import dev.socketdesk.engine.PeerInfo;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.SessionListener;
import dev.socketdesk.engine.codec.Display;
import dev.socketdesk.engine.codec.DisplayMode;
import dev.socketdesk.engine.codec.TextDecoder;
import dev.socketdesk.engine.codec.Visible;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Prints a session's events. With {@code quiet}, it does not want received data, so the engine
 * takes its fast path, and data lines are not printed. Keeps the final counters of departed peers
 * for the summary.
 *
 * <p>Events arrive on the session's dispatcher thread; the decoders are confined to it.
 */
final class EventPrinter implements SessionListener {
  private final Output out;
  private final EventFormat format;
  private final DisplayMode display;
  private final Charset charset;
  private final boolean quiet;
  private final boolean json;
  private final boolean client;
  private final boolean quietUntilOpen;
  private volatile boolean opened;
  private final Map<Integer, TextDecoder> rxDecoders = new HashMap<>();
  private final Map<Integer, TextDecoder> txDecoders = new HashMap<>();

  /** The summary lists at most this many peers that left; a long-running server stays bounded. */
  static final int MAX_LISTED_DEPARTED = 1000;

  /** Peers that left, with their final counters; at most {@link #MAX_LISTED_DEPARTED}. */
  private final Map<Integer, PeerTotals> departed = new ConcurrentHashMap<>();

  /** Listener thread only: departed peers beyond {@link #MAX_LISTED_DEPARTED}. */
  private volatile int unlisted;

  private final CountDownLatch closed = new CountDownLatch(1);

  EventPrinter(
      Output out,
      EventFormat format,
      DisplayMode display,
      Charset charset,
      boolean quiet,
      boolean json,
      boolean client,
      boolean quietUntilOpen) {
    this.out = out;
    this.format = format;
    this.display = display;
    this.charset = charset;
    this.quiet = quiet;
    this.json = json;
    this.client = client;
    this.quietUntilOpen = quietUntilOpen;
  }

  /**
   * The session is open. Before that, with {@code quietUntilOpen}, errors and the close are not
   * printed: a failure to open is reported once, on stderr, by the command.
   */
  void opened() {
    opened = true;
  }

  @Override
  public boolean wantsData() {
    return !quiet;
  }

  @Override
  public void onEvent(SessionEvent event) {
    Instant t = event.time();
    if (event instanceof SessionEvent.Received r) {
      if (!quiet) {
        out.line(data(t, r.peer(), r.data(), r.kind(), true, rxDecoders), false);
      }
    } else if (event instanceof SessionEvent.Sent s) {
      if (!quiet) {
        out.line(data(t, s.peer(), s.data(), s.kind(), false, txDecoders), false);
      }
    } else if (event instanceof SessionEvent.Listening l) {
      out.line(format.listening(t, l.local(), client), true);
    } else if (event instanceof SessionEvent.Connected c) {
      out.line(format.connected(t, c.peer()), true);
    } else if (event instanceof SessionEvent.Disconnected d) {
      if (departed.size() < MAX_LISTED_DEPARTED) {
        departed.put(d.peer().id(), new PeerTotals(d.peer(), d.counters()));
      } else {
        unlisted++;
      }
      flushDecoder(t, d.peer());
      out.line(format.closed(t, d.peer(), d.reason()), true);
    } else if (event instanceof SessionEvent.Notice n) {
      out.line(format.notice(t, n.peer(), n.kind(), Visible.of(n.message())), true);
    } else if (event instanceof SessionEvent.Reconnecting r) {
      out.line(format.reconnecting(r), true);
    } else if (event instanceof SessionEvent.Error e) {
      if (opened || !quietUntilOpen) {
        String message = TlsClientOptions.rewordEvent(e.code(), e.message());
        out.line(
            format.error(new SessionEvent.Error(e.time(), e.peer(), message, e.code(), e.params())),
            true);
      }
    } else if (event instanceof SessionEvent.Closed) {
      if (opened || !quietUntilOpen) {
        out.line(format.sessionClosed(t), true);
      }
      closed.countDown();
    }
  }

  /** Prints a line of feedback, e.g. for a typed command. */
  void info(String message) {
    out.line(format.info(Instant.now(), message), true);
  }

  /** Prints an error that is not a session event, e.g. a failed send. */
  void error(Peer peer, String message) {
    out.line(format.error(Instant.now(), peer, Visible.of(message)), true);
  }

  /** Waits for the session's Closed event to be printed. */
  boolean awaitClosed(long timeout, TimeUnit unit) throws InterruptedException {
    return closed.await(timeout, unit);
  }

  /**
   * Prints the summary: the session totals, then each peer, with the engine's counters for peers
   * still connected ({@code connected}, taken before closing) and the final counters that came with
   * the disconnect of the others.
   */
  void summary(Counters total, List<PeerInfo> connected) {
    Map<Integer, PeerTotals> rows = new TreeMap<>(departed);
    for (PeerInfo info : connected) {
      rows.put(info.peer().id(), new PeerTotals(info.peer(), info.counters()));
    }
    List<PeerTotals> list = new ArrayList<>(rows.values());
    out.line(format.summary(Instant.now(), total, list, unlisted), true);
  }

  private String data(
      Instant t,
      Peer peer,
      byte[] data,
      String kind,
      boolean received,
      Map<Integer, TextDecoder> decoders) {
    TextDecoder decoder = decoders.computeIfAbsent(peer.id(), id -> new TextDecoder(charset));
    if (json) {
      String text = decoder.decode(data);
      return format.data(t, peer, received, data, null, text, kind);
    }
    String shown = Display.render(data, display, decoder);
    return format.data(t, peer, received, data, shown, null, kind);
  }

  private void flushDecoder(Instant t, Peer peer) {
    TextDecoder rx = rxDecoders.remove(peer.id());
    txDecoders.remove(peer.id());
    if (rx != null && display != DisplayMode.HEX) {
      String rest = rx.flush();
      if (!rest.isEmpty()) {
        out.line(
            format.info(t, "#" + peer.id() + " incomplete character at the close: " + rest), false);
      }
    }
  }
}
