package dev.socketdesk.engine;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;

/**
 * Something that happened in a {@link Session}. Events of one session are delivered to its
 * listeners in the order they happened.
 */
public sealed interface SessionEvent {

  /** When the event happened (wall clock, millisecond precision or better). */
  Instant time();

  /** A server is listening, a UDP socket is bound, or a client has its local address. */
  record Listening(Instant time, InetSocketAddress local) implements SessionEvent {}

  /** A peer connected: a client to our server, or our client to its server. */
  record Connected(Instant time, Peer peer) implements SessionEvent {}

  /**
   * Bytes arrived from a peer. TCP chunks merge and split arbitrarily: one event is one read, not
   * one message. Only delivered while some listener {@linkplain SessionListener#wantsData() wants
   * data}; the counters are exact either way. A message transport (WebSocket) delivers one whole
   * message per event, with its {@code kind} ({@code text} or {@code binary}); {@code kind} is null
   * for byte streams and datagrams.
   */
  record Received(Instant time, Peer peer, byte[] data, String kind) implements SessionEvent {
    /** Bytes of a stream or a datagram. */
    public Received(Instant time, Peer peer, byte[] data) {
      this(time, peer, data, null);
    }
  }

  /**
   * Bytes were written to a peer, by a send call or an automatic action (echo, reply, timer). On a
   * message transport (WebSocket) one event is one whole message, with the {@code kind} it went out
   * as ({@code text} or {@code binary}); {@code kind} is null for byte streams and datagrams.
   */
  record Sent(Instant time, Peer peer, byte[] data, String kind) implements SessionEvent {
    /** Bytes of a stream or a datagram. */
    public Sent(Instant time, Peer peer, byte[] data) {
      this(time, peer, data, null);
    }
  }

  /** A connection to a peer ended; {@code counters} are the peer's final, exact totals. */
  record Disconnected(Instant time, Peer peer, CloseReason reason, Counters counters)
      implements SessionEvent {}

  /**
   * A client (TCP, WebSocket) or a serial port lost or could not get its link and will try again
   * after {@code delayMillis}. {@code cause} is one line for a person. When an attempt failed, this
   * one event reports the failure: {@code code} and {@code params} are its {@link
   * SessionException#code()} and {@link SessionException#params()}, and no {@link Error} repeats
   * it; they are null when the link was lost (the {@link Disconnected} event says how).
   */
  record Reconnecting(
      Instant time,
      int attempt,
      long delayMillis,
      String cause,
      String code,
      Map<String, String> params)
      implements SessionEvent {
    public Reconnecting(Instant time, int attempt, long delayMillis, String cause) {
      this(time, attempt, delayMillis, cause, null, null);
    }

    /** The retry after {@code failure}, with its code and parameters. */
    public static Reconnecting after(
        Instant time, int attempt, long delayMillis, SessionException failure) {
      return new Reconnecting(
          time, attempt, delayMillis, failure.getMessage(), failure.code(), failure.params());
    }
  }

  /**
   * Something went wrong. {@code message} is one line for a person: it names the value and says
   * what to do. {@code peer} is null when the error is not about one peer. {@code code} and {@code
   * params} are the failure's {@link SessionException#code()} and {@link
   * SessionException#params()}, or null when the error is not a {@link SessionException}.
   */
  record Error(Instant time, Peer peer, String message, String code, Map<String, String> params)
      implements SessionEvent {
    public Error(Instant time, Peer peer, String message) {
      this(time, peer, message, null, null);
    }

    /** The event of {@code failure}, with its code and parameters. */
    public static Error of(Instant time, Peer peer, SessionException failure) {
      return new Error(time, peer, failure.getMessage(), failure.code(), failure.params());
    }
  }

  /**
   * Something worth showing that is neither data nor an error, in one line for a person: the TLS
   * parameters of a connection ({@code tls}), the certificate a server uses ({@code certificate}),
   * a WebSocket ping, pong or close ({@code ping}, {@code pong}, {@code close}), or a warning
   * ({@code warning}). {@code peer} is null when it is not about one peer.
   */
  record Notice(Instant time, Peer peer, String kind, String message) implements SessionEvent {}

  /** The session closed; no event follows. */
  record Closed(Instant time) implements SessionEvent {}
}
