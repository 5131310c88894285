package dev.socketdesk.core.event;

import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.Counters;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.Peer;
import dev.socketdesk.engine.SessionEvent;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One event as every front end records it: the CLI's {@code --json} lines and {@code --log} files,
 * the page's log and its exports, and test transcripts are all written from this record by {@link
 * EventJson} (and {@link EventCsv}). Fields that do not apply to the event are null. The JSON shape
 * is documented in docs/cli.md; the page's compact encoding in docs/web-api.md.
 *
 * @param time when it happened.
 * @param event {@code listening}, {@code connected}, {@code received}, {@code sent}, {@code
 *     closed}, {@code error}, {@code reconnecting}, {@code notice}, {@code info} or {@code
 *     summary}.
 * @param local {@code listening}: the bound local address, {@code host:port}.
 * @param peerId the peer's small id, while it is connected.
 * @param peer the peer's {@code host:port}.
 * @param bytes {@code received}, {@code sent}: the byte count of this read or write.
 * @param data {@code received}, {@code sent}: the bytes, or their first part when a front end keeps
 *     only so much ({@code data.length < bytes}).
 * @param text {@code received}, {@code sent}: the bytes decoded for display, or null when not
 *     decoded (a front end decodes with its own per-peer decoder).
 * @param reason {@code closed} with a peer: {@code peer-closed}, {@code reset}, {@code local} or
 *     {@code error}.
 * @param message one line for a person.
 * @param attempt {@code reconnecting}: the attempt.
 * @param delayMs {@code reconnecting}: the wait before the next attempt.
 * @param code failures: the stable code of the failure's kind (see {@code Failure}).
 * @param params failures: the values its wording names, by name.
 * @param totals {@code summary}: the session's exact counters.
 * @param peers {@code summary}: per peer, the exact counters.
 * @param unlistedPeers {@code summary}: peers that left and are counted but not listed.
 * @param kind {@code received}: the WebSocket message kind ({@code text} or {@code binary}), null
 *     for a byte stream; {@code notice}: what the notice is about (e.g. {@code tls}, {@code ping}).
 */
public record EventRecord(
    Instant time,
    String event,
    String local,
    Integer peerId,
    String peer,
    Integer bytes,
    byte[] data,
    String text,
    String reason,
    String message,
    Integer attempt,
    Long delayMs,
    String code,
    Map<String, String> params,
    Counters totals,
    List<PeerTotals> peers,
    Integer unlistedPeers,
    String kind) {

  /** A peer's totals in a {@code summary}; {@code counters} null when not known. */
  public record PeerTotals(Peer peer, Counters counters) {}

  public static final String LISTENING = "listening";
  public static final String CONNECTED = "connected";
  public static final String RECEIVED = "received";
  public static final String SENT = "sent";
  public static final String CLOSED = "closed";
  public static final String ERROR = "error";
  public static final String RECONNECTING = "reconnecting";
  public static final String INFO = "info";
  public static final String SUMMARY = "summary";
  public static final String NOTICE = "notice";

  private static EventRecord of(Instant time, String event) {
    return new EventRecord(
        time, event, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null);
  }

  private EventRecord withPeer(Peer p) {
    return p == null
        ? this
        : new EventRecord(
            time,
            event,
            local,
            p.id(),
            p.hostPort(),
            bytes,
            data,
            text,
            reason,
            message,
            attempt,
            delayMs,
            code,
            params,
            totals,
            peers,
            unlistedPeers,
            kind);
  }

  private EventRecord withMessage(String m) {
    return new EventRecord(
        time,
        event,
        local,
        peerId,
        peer,
        bytes,
        data,
        text,
        reason,
        m,
        attempt,
        delayMs,
        code,
        params,
        totals,
        peers,
        unlistedPeers,
        kind);
  }

  public static EventRecord listening(Instant time, InetSocketAddress local) {
    return new EventRecord(
        time,
        LISTENING,
        HostPort.format(local),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public static EventRecord connected(Instant time, Peer peer) {
    return of(time, CONNECTED).withPeer(peer);
  }

  /** Data received ({@code received} true) or sent; {@code text} may be null (not decoded). */
  public static EventRecord data(
      Instant time, Peer peer, boolean received, int bytes, byte[] data, String text) {
    return new EventRecord(
            time,
            received ? RECEIVED : SENT,
            null,
            null,
            null,
            bytes,
            data,
            text,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null)
        .withPeer(peer);
  }

  public static EventRecord closed(Instant time, Peer peer, CloseReason reason) {
    return new EventRecord(
            time,
            CLOSED,
            null,
            null,
            null,
            null,
            null,
            null,
            reasonCode(reason),
            reason.description(),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null)
        .withPeer(peer);
  }

  /** The session itself closed. */
  public static EventRecord sessionClosed(Instant time) {
    return of(time, CLOSED);
  }

  public static EventRecord reconnecting(
      Instant time, int attempt, long delayMillis, String message) {
    return new EventRecord(
        time,
        RECONNECTING,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        message,
        attempt,
        delayMillis,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** A failure; {@code peer} may be null; {@code code} and {@code params} may be null. */
  public static EventRecord error(
      Instant time, Peer peer, String message, String code, Map<String, String> params) {
    return new EventRecord(
            time,
            ERROR,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            message,
            null,
            null,
            code,
            params == null ? null : Map.copyOf(params),
            null,
            null,
            null,
            null)
        .withPeer(peer);
  }

  /**
   * Something a peer or the session did that is neither data nor a failure (TLS parameters, a
   * WebSocket ping or close); {@code peer} may be null.
   */
  public static EventRecord notice(Instant time, Peer peer, String kind, String message) {
    return of(time, NOTICE).withMessage(message).withKind(kind).withPeer(peer);
  }

  /** Feedback to a typed command. */
  public static EventRecord info(Instant time, String message) {
    return of(time, INFO).withMessage(message);
  }

  public static EventRecord summary(
      Instant time, Counters totals, List<PeerTotals> peers, int unlisted) {
    return new EventRecord(
        time,
        SUMMARY,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        totals,
        List.copyOf(peers),
        unlisted,
        null);
  }

  /**
   * The record of an engine event; received and sent data carry {@code text} as their display text
   * (null: not decoded).
   */
  public static EventRecord of(SessionEvent e, String text) {
    if (e instanceof SessionEvent.Received r) {
      return data(r.time(), r.peer(), true, r.data().length, r.data(), text).withKind(r.kind());
    }
    if (e instanceof SessionEvent.Notice n) {
      return notice(n.time(), n.peer(), n.kind(), n.message());
    }
    if (e instanceof SessionEvent.Sent s) {
      return data(s.time(), s.peer(), false, s.data().length, s.data(), text);
    }
    if (e instanceof SessionEvent.Listening l) {
      return listening(l.time(), l.local());
    }
    if (e instanceof SessionEvent.Connected c) {
      return connected(c.time(), c.peer());
    }
    if (e instanceof SessionEvent.Disconnected d) {
      return closed(d.time(), d.peer(), d.reason());
    }
    if (e instanceof SessionEvent.Reconnecting r) {
      return reconnecting(r.time(), r.attempt(), r.delayMillis(), r.cause());
    }
    if (e instanceof SessionEvent.Error err) {
      return error(err.time(), err.peer(), err.message(), err.code(), err.params());
    }
    return sessionClosed(e.time());
  }

  /** {@code data} cut to its first {@code max} bytes; {@link #bytes} keeps the full count. */
  public EventRecord keepingAtMost(int max) {
    if (data == null || data.length <= max) {
      return this;
    }
    return new EventRecord(
        time,
        event,
        local,
        peerId,
        peer,
        bytes,
        Arrays.copyOf(data, max),
        text,
        reason,
        message,
        attempt,
        delayMs,
        code,
        params,
        totals,
        peers,
        unlistedPeers,
        kind);
  }

  /** This record with {@code kind} (see {@link #kind}). */
  public EventRecord withKind(String k) {
    return new EventRecord(
        time,
        event,
        local,
        peerId,
        peer,
        bytes,
        data,
        text,
        reason,
        message,
        attempt,
        delayMs,
        code,
        params,
        totals,
        peers,
        unlistedPeers,
        k);
  }

  /** This record with {@code text} as the data's display text. */
  public EventRecord withText(String shown) {
    return new EventRecord(
        time,
        event,
        local,
        peerId,
        peer,
        bytes,
        data,
        shown,
        reason,
        message,
        attempt,
        delayMs,
        code,
        params,
        totals,
        peers,
        unlistedPeers,
        kind);
  }

  /** Whether this record carries data (received or sent). */
  public boolean isData() {
    return data != null;
  }

  /** {@code PEER_CLOSED} as {@code peer-closed}. */
  public static String reasonCode(CloseReason reason) {
    return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
