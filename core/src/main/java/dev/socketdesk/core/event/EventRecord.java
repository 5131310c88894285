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
 * @param code failures, and {@code reconnecting} after a failed attempt: the stable code of the
 *     failure's kind (see {@code SessionException}).
 * @param params with {@code code}: the values its wording names, by name.
 * @param totals {@code summary}: the session's exact counters.
 * @param peers {@code summary}: per peer, the exact counters.
 * @param unlistedPeers {@code summary}: peers that left and are counted but not listed.
 * @param kind {@code received}, {@code sent}: the WebSocket message kind ({@code text} or {@code
 *     binary}), null for a byte stream; {@code notice}: what the notice is about (e.g. {@code tls},
 *     {@code ping}).
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

  public static EventRecord listening(Instant time, InetSocketAddress local) {
    Builder b = new Builder(time, LISTENING);
    b.local = HostPort.format(local);
    return b.build();
  }

  public static EventRecord connected(Instant time, Peer peer) {
    return new Builder(time, CONNECTED).peer(peer).build();
  }

  /** Data received ({@code received} true) or sent; {@code text} may be null (not decoded). */
  public static EventRecord data(
      Instant time, Peer peer, boolean received, int bytes, byte[] data, String text) {
    Builder b = new Builder(time, received ? RECEIVED : SENT).peer(peer);
    b.bytes = bytes;
    b.data = data;
    b.text = text;
    return b.build();
  }

  public static EventRecord closed(Instant time, Peer peer, CloseReason reason) {
    Builder b = new Builder(time, CLOSED).peer(peer);
    b.reason = reasonCode(reason);
    b.message = reason.description();
    return b.build();
  }

  /** The session itself closed. */
  public static EventRecord sessionClosed(Instant time) {
    return new Builder(time, CLOSED).build();
  }

  public static EventRecord reconnecting(
      Instant time, int attempt, long delayMillis, String message) {
    Builder b = new Builder(time, RECONNECTING);
    b.message = message;
    b.attempt = attempt;
    b.delayMs = delayMillis;
    return b.build();
  }

  /** A failure; {@code peer} may be null; {@code code} and {@code params} may be null. */
  public static EventRecord error(
      Instant time, Peer peer, String message, String code, Map<String, String> params) {
    Builder b = new Builder(time, ERROR).peer(peer);
    b.message = message;
    b.code = code;
    b.params = params == null ? null : Map.copyOf(params);
    return b.build();
  }

  /**
   * Something a peer or the session did that is neither data nor a failure (TLS parameters, a
   * WebSocket ping or close); {@code peer} may be null.
   */
  public static EventRecord notice(Instant time, Peer peer, String kind, String message) {
    Builder b = new Builder(time, NOTICE).peer(peer);
    b.message = message;
    b.kind = kind;
    return b.build();
  }

  /** Feedback to a typed command. */
  public static EventRecord info(Instant time, String message) {
    Builder b = new Builder(time, INFO);
    b.message = message;
    return b.build();
  }

  public static EventRecord summary(
      Instant time, Counters totals, List<PeerTotals> peers, int unlisted) {
    Builder b = new Builder(time, SUMMARY);
    b.totals = totals;
    b.peers = List.copyOf(peers);
    b.unlistedPeers = unlisted;
    return b.build();
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
      return data(s.time(), s.peer(), false, s.data().length, s.data(), text).withKind(s.kind());
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
      Builder b = new Builder(reconnecting(r.time(), r.attempt(), r.delayMillis(), r.cause()));
      b.code = r.code();
      b.params = r.params();
      return b.build();
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
    Builder b = new Builder(this);
    b.data = Arrays.copyOf(data, max);
    return b.build();
  }

  /** This record with {@code kind} (see {@link #kind}). */
  public EventRecord withKind(String k) {
    Builder b = new Builder(this);
    b.kind = k;
    return b.build();
  }

  /** This record with {@code text} as the data's display text. */
  public EventRecord withText(String shown) {
    Builder b = new Builder(this);
    b.text = shown;
    return b.build();
  }

  /** Whether this record carries data (received or sent). */
  public boolean isData() {
    return data != null;
  }

  /** {@code PEER_CLOSED} as {@code peer-closed}. */
  public static String reasonCode(CloseReason reason) {
    return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The fields of a record being made, all null but {@code time} and {@code event} until set: the
   * factories above set only the fields that apply to their kind of event.
   */
  private static final class Builder {
    private final Instant time;
    private final String event;
    private String local;
    private Integer peerId;
    private String peer;
    private Integer bytes;
    private byte[] data;
    private String text;
    private String reason;
    private String message;
    private Integer attempt;
    private Long delayMs;
    private String code;
    private Map<String, String> params;
    private Counters totals;
    private List<PeerTotals> peers;
    private Integer unlistedPeers;
    private String kind;

    Builder(Instant time, String event) {
      this.time = time;
      this.event = event;
    }

    /** A copy of {@code r}, to change a field or two. */
    Builder(EventRecord r) {
      this(r.time, r.event);
      local = r.local;
      peerId = r.peerId;
      peer = r.peer;
      bytes = r.bytes;
      data = r.data;
      text = r.text;
      reason = r.reason;
      message = r.message;
      attempt = r.attempt;
      delayMs = r.delayMs;
      code = r.code;
      params = r.params;
      totals = r.totals;
      peers = r.peers;
      unlistedPeers = r.unlistedPeers;
      kind = r.kind;
    }

    /** The peer's id and address; none when {@code p} is null. */
    Builder peer(Peer p) {
      if (p != null) {
        peerId = p.id();
        peer = p.hostPort();
      }
      return this;
    }

    EventRecord build() {
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
          kind);
    }
  }
}
