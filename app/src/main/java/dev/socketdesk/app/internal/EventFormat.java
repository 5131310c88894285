package dev.socketdesk.app.internal;

import dev.socketdesk.core.event.EventRecord.PeerTotals;
import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.Counters;
import dev.socketdesk.engine.Peer;
import dev.socketdesk.engine.SessionEvent;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

/** Turns events into output lines: readable text, or one JSON object per line. */
interface EventFormat {

  String listening(Instant time, InetSocketAddress local, boolean client);

  String connected(Instant time, Peer peer);

  /**
   * Data received or sent.
   *
   * @param shown the data as the chosen display mode renders it (text output).
   * @param text the data decoded in the chosen encoding (JSON output).
   * @param kind a message's kind ({@code text}, {@code binary}); null for stream data.
   */
  String data(
      Instant time,
      Peer peer,
      boolean received,
      byte[] data,
      String shown,
      String text,
      String kind);

  /** A notice: TLS parameters, a certificate, a WebSocket control frame, a warning. */
  String notice(Instant time, Peer peer, String kind, String message);

  String closed(Instant time, Peer peer, CloseReason reason);

  /** A retry; after a failed attempt it is the one line that reports the failure. */
  String reconnecting(SessionEvent.Reconnecting retry);

  /** A session's error event; a JSON line carries its code and params. */
  String error(SessionEvent.Error error);

  /** An error that is no session event (a failed send, an unwritable file): no code. */
  String error(Instant time, Peer peer, String message);

  String sessionClosed(Instant time);

  /** Feedback to a typed command, e.g. the answer to {@code /list}. */
  String info(Instant time, String message);

  /** The end-of-run summary; {@code unlisted} peers that left early are counted, not listed. */
  String summary(Instant time, Counters total, List<PeerTotals> peers, int unlisted);
}
