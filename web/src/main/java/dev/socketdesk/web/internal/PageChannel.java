package dev.socketdesk.web.internal;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One page's WebSocket with a bounded send queue. Messages written and not yet handed to the socket
 * count against {@link #MAX_PENDING_CHARS}; past it nothing more is written. What a page could not
 * get is owed, not queued: a dropped batch owes a resync (fresh state, and the sequence number the
 * page skips to, so it shows how many lines it missed), and a tab whose full state changed owes
 * that tab's latest state once, however often it changed. Event loop only.
 */
final class PageChannel {
  /** Pending characters per page before batches are dropped; one message may overshoot it. */
  static final long MAX_PENDING_CHARS = 1L << 20;

  /** A page whose queue stays full this long is closed. */
  static final long STUCK_MILLIS = 60_000;

  /** What the hub can render for a page that catches up. */
  interface Source {
    /** The resync message: every tab's state and the sims, no log lines. */
    String resync();

    /** The ids of the tabs that exist now. */
    Set<Integer> tabIds();

    /** The full state of tab {@code id}, or a {@code removed} message when it is gone. */
    String tabMessage(int id);
  }

  private final ServerWebSocket ws;
  private final Set<Integer> known = new HashSet<>();
  private final Set<Integer> staleTabs = new LinkedHashSet<>();
  private long pendingChars;
  private boolean resyncOwed;
  private long fullSinceMillis = -1;

  PageChannel(ServerWebSocket ws) {
    this.ws = ws;
  }

  ServerWebSocket socket() {
    return ws;
  }

  long pendingChars() {
    return pendingChars;
  }

  private boolean hasRoom() {
    return pendingChars < MAX_PENDING_CHARS && !ws.writeQueueFull();
  }

  /** The first message of a page, written whatever the queue holds (it holds nothing yet). */
  void hello(String text, Set<Integer> tabIds) {
    known.addAll(tabIds);
    write(text);
  }

  /** Written when there is room, else dropped and a resync owed. */
  void offer(String text) {
    if (hasRoom()) {
      write(text);
    } else {
      resyncOwed = true;
    }
  }

  /** Tab {@code id} changed or went away: the page is owed its latest state. */
  void markStale(int id) {
    staleTabs.add(id);
  }

  /**
   * Called every {@link SessionHub#PING_MILLIS}: pings a page that has room (so that an idle page
   * that still reads is not timed out), and closes one that has had no room for {@link
   * #STUCK_MILLIS}, so a page that never reads does not hold its place.
   */
  void pingOrCloseIfStuck(long nowMillis) {
    if (hasRoom()) {
      fullSinceMillis = -1;
      ws.writePing(Buffer.buffer("p"));
    } else if (fullSinceMillis < 0) {
      fullSinceMillis = nowMillis;
    } else if (nowMillis - fullSinceMillis >= STUCK_MILLIS) {
      ws.close((short) 1008, "the page did not read for a minute");
    }
  }

  /** Sends what the page is owed while there is room: the resync first, then stale tabs. */
  void catchUp(Source source) {
    if (resyncOwed && hasRoom()) {
      resyncOwed = false;
      write(source.resync());
      Set<Integer> ids = source.tabIds();
      known.retainAll(ids);
      for (int id : ids) {
        if (!known.contains(id)) {
          staleTabs.add(id);
        }
      }
    }
    Iterator<Integer> it = staleTabs.iterator();
    while (it.hasNext() && hasRoom()) {
      int id = it.next();
      it.remove();
      write(source.tabMessage(id));
      if (source.tabIds().contains(id)) {
        known.add(id);
      } else {
        known.remove(id);
      }
    }
  }

  private void write(String text) {
    long size = text.length();
    pendingChars += size;
    ws.writeTextMessage(text).onComplete(ar -> pendingChars -= size);
  }
}
