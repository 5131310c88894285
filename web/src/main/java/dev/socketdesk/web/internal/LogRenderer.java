package dev.socketdesk.web.internal;

import dev.socketdesk.core.event.EventJson;
import dev.socketdesk.core.event.EventRecord;
import dev.socketdesk.engine.codec.TextDecoder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders log entries for the page in the compact encoding of the core's {@link EventJson}: the
 * text decoded in the display charset (escapes as the engine's {@link TextDecoder} shows them) and
 * the bytes as base64 for the hex view.
 *
 * <p>Streams (TCP): one decoder per peer and direction, so a character split across two reads still
 * displays; a gap (skipped or truncated entries) starts a fresh decoder. Bytes of an incomplete
 * character that nothing completes are shown, never lost: on the line of the peer's close ({@code
 * h}), or on a {@link LogRing#HELD} line that the tab adds once the stream has been idle for {@link
 * TextDecoder#IDLE_FLUSH} ({@link #idleStreams}).
 *
 * <p>Datagrams (UDP): each entry is decoded on its own; nothing is carried to the next one.
 *
 * <p>Not thread-safe: web event loop only.
 */
final class LogRenderer {
  private static final int MAX_STREAMS = 4096;
  private static final long IDLE_FLUSH_MILLIS = TextDecoder.IDLE_FLUSH.toMillis();

  private final Charset charset;
  private final boolean datagrams;
  private final Map<Long, Stream> streams = new HashMap<>();
  private TextDecoder datagramDecoder;

  /** The decoding state of one peer's data in one direction. */
  private static final class Stream {
    final LogRing.Entry first;
    TextDecoder decoder;
    long lastSeq;
    long lastMillis;
    boolean heldOwed;

    Stream(LogRing.Entry first) {
      this.first = first;
    }
  }

  /** A stream whose held-back bytes are due: the tab adds a {@link LogRing#HELD} entry for it. */
  record IdleStream(boolean received, int peerId, String peer) {}

  LogRenderer(Charset charset, boolean datagrams) {
    this.charset = charset;
    this.datagrams = datagrams;
  }

  Charset charset() {
    return charset;
  }

  JsonArray render(List<LogRing.Entry> entries) {
    JsonArray lines = new JsonArray();
    for (LogRing.Entry e : entries) {
      lines.add(render(e));
    }
    return lines;
  }

  /** The page's compact line of {@code e} (see {@link EventJson#compact}). */
  JsonObject render(LogRing.Entry e) {
    if (e.held() != null) {
      LogRing.Held h = e.held();
      Stream stream = streams.get(key(h.peerId(), h.received()));
      JsonObject line = new JsonObject().put("s", e.seq()).put("t", h.timeMillis()).put("d", "sys");
      if (h.peer() != null) {
        line.put("p", "#" + h.peerId() + " " + h.peer());
      }
      return line.put("k", LogRing.HELD).put("x", stream == null ? "" : flush(stream));
    }
    EventRecord r = decoded(e);
    JsonObject line = new JsonObject(EventJson.compact(r, e.seq()));
    if (EventRecord.CLOSED.equals(r.event()) && r.peerId() != null) {
      String held = endOfPeer(r.peerId());
      if (!held.isEmpty()) {
        line.put("h", held);
      }
    }
    return line;
  }

  /** The record of {@code e} (not a {@link LogRing#HELD} marker), its data decoded. */
  EventRecord decoded(LogRing.Entry e) {
    EventRecord r = e.record();
    return r.isData() ? r.withText(datagrams ? decodeAlone(e) : decode(e)) : r;
  }

  /**
   * Streams holding back bytes with no data for {@link TextDecoder#IDLE_FLUSH} by {@code
   * nowMillis}; each is returned once, until it holds bytes again.
   */
  List<IdleStream> idleStreams(long nowMillis) {
    List<IdleStream> idle = new ArrayList<>();
    for (Stream s : streams.values()) {
      if (!s.heldOwed
          && s.decoder != null
          && s.decoder.pending() > 0
          && nowMillis - s.lastMillis >= IDLE_FLUSH_MILLIS) {
        s.heldOwed = true;
        idle.add(new IdleStream(s.first.received(), s.first.peerId(), s.first.record().peer()));
      }
    }
    return idle;
  }

  private String decodeAlone(LogRing.Entry e) {
    if (datagramDecoder == null) {
      datagramDecoder = new TextDecoder(charset);
    }
    return datagramDecoder.decodeWhole(e.data());
  }

  private String decode(LogRing.Entry e) {
    long key = key(e.peerId(), e.received());
    Stream stream = streams.get(key);
    if (stream == null) {
      if (streams.size() >= MAX_STREAMS) {
        streams.clear();
      }
      stream = new Stream(e);
      streams.put(key, stream);
    }
    if (stream.decoder == null || stream.lastSeq != e.prevSeq()) {
      stream.decoder = new TextDecoder(charset);
    }
    String text = stream.decoder.decode(e.data());
    if (e.truncated()) {
      text += stream.decoder.flush();
      stream.decoder = null;
    }
    stream.lastSeq = e.seq();
    stream.lastMillis = e.timeMillis();
    stream.heldOwed = false;
    return text;
  }

  /** The held-back bytes of both directions of a peer that left, received ones first. */
  private String endOfPeer(int peerId) {
    StringBuilder held = new StringBuilder();
    for (boolean received : new boolean[] {true, false}) {
      Stream stream = streams.remove(key(peerId, received));
      if (stream != null) {
        held.append(flush(stream));
      }
    }
    return held.toString();
  }

  private static String flush(Stream stream) {
    stream.heldOwed = false;
    return stream.decoder == null ? "" : stream.decoder.flush();
  }

  private static long key(int peerId, boolean received) {
    return ((long) peerId << 1) | (received ? 0 : 1);
  }
}
