package dev.socketdesk.engine;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One TCP server, TCP client or UDP endpoint.
 *
 * <p>Lifecycle: created {@link SessionState#NEW} by {@link Engine}; add listeners, then call {@link
 * #open()}. See {@link SessionState} for the rest. All methods are thread-safe and never block;
 * results arrive through futures and {@link SessionListener listeners}.
 *
 * <p>Sends are queued in order per peer. A send future completes when the bytes are written to the
 * socket, or exceptionally with a {@link SessionException} whose message is one line for a person.
 */
public interface Session {

  /** Small id, unique within its {@link Engine}. */
  int id();

  SessionType type();

  SessionState state();

  /**
   * Binds (server, UDP) or connects (client). Completes with the local address; fails with a {@link
   * SessionException} such as a port in use, an unknown host or a refused connection, and the state
   * becomes {@link SessionState#FAILED}. A client with auto-reconnect keeps trying instead of
   * failing, reporting each failure as an {@link SessionEvent.Error}.
   */
  CompletableFuture<InetSocketAddress> open();

  /** Completes when the session reaches a terminal state. */
  CompletableFuture<Void> closed();

  /** The bound local address, or null before the session is open. */
  InetSocketAddress localAddress();

  /** What the session was opened with, for display: {@code 0.0.0.0:10000}, {@code host:port}. */
  String target();

  /** Connected peers (TCP) or peers heard from (UDP), by id. */
  List<PeerInfo> peers();

  /** Session totals: exact, including traffic of peers that have gone. */
  Counters counters();

  /** Sets the session's and its peers' counters to zero. */
  void resetCounters();

  void addListener(SessionListener listener);

  /**
   * Adds a listener that gets only the traffic events ({@link SessionEvent.Connected}, {@link
   * SessionEvent.Received}, {@link SessionEvent.Sent}, {@link SessionEvent.Disconnected}), at once,
   * on the network thread that produced them, before the listeners added with {@link #addListener}
   * see them; never while the engine holds a lock. It must not block and should return quickly:
   * that connection reads nothing else meanwhile. Its {@link #send} calls write at once, with no
   * thread hand-off. For code that answers data where it arrives (a script's send / expect loop);
   * anything else uses {@link #addListener}.
   */
  void addDirectListener(SessionListener listener);

  /** Removes a listener added with {@link #addListener} or {@link #addDirectListener}. */
  void removeListener(SessionListener listener);

  /**
   * Sends to the default target: every client (TCP server), the server (TCP client), or the
   * configured remote or else the last sender (UDP). A datagram that cannot be written fails the
   * future and, like a failed automatic reply, is also a {@link SessionEvent.Error} naming its
   * peer, with the same code and a {@code peer} param.
   */
  CompletableFuture<Void> send(byte[] data);

  /** Sends to one peer by id. */
  CompletableFuture<Void> send(int peerId, byte[] data);

  /** Sends a datagram to any address (UDP only). */
  CompletableFuture<Void> sendTo(HostPort remote, byte[] data);

  /** Closes one peer's connection (TCP server). */
  CompletableFuture<Void> disconnect(int peerId);

  /** Half-closes the connection: no more sends, but receiving goes on (TCP client). */
  CompletableFuture<Void> shutdownOutput();

  /** Sets ({@code on}) or clears a serial port's control line (serial ports only). */
  CompletableFuture<Void> setControlLine(ControlLine line, boolean on);

  AutoActions autoActions();

  /** Replaces the automatic actions; applies to data that arrives from now on. */
  void setAutoActions(AutoActions actions);

  /**
   * How received bytes are grouped into messages; {@link Grouping#NONE} passes reads as they are.
   */
  Grouping grouping();

  /**
   * Replaces the grouping of received bytes into messages (for byte streams: TCP, serial); applies
   * to data that arrives from now on.
   */
  void setGrouping(Grouping grouping);

  /**
   * Starts sending on a timer to the default target, replacing any periodic send already running.
   * The future completes after the last send, or when stopped or closed.
   */
  CompletableFuture<Void> startPeriodic(PeriodicSend periodic);

  /** Stops the periodic send, if any. */
  void stopPeriodic();

  /**
   * Starts capturing this session's traffic, every peer into one pcap file series, replacing a
   * capture already running. A write error later (a full disk) stops the capture and is reported as
   * an error event; the session keeps running.
   *
   * @throws SessionException when the first file cannot be created.
   */
  void startCapture(CaptureOptions options);

  /** Stops capturing and closes the file; nothing when not capturing. */
  void stopCapture();

  /** The running capture's options, or null when not capturing. */
  CaptureOptions capturing();

  /** Closes every connection and the socket. Idempotent. */
  CompletableFuture<Void> close();
}
