package dev.socketdesk.app.internal;

import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.codec.PayloadMode;
import dev.socketdesk.engine.codec.SendFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Sends what is typed or piped to the selected target. At most 4 MiB are in flight, so a fast pipe
 * cannot fill memory: reading standard input waits until earlier sends are written.
 */
final class Sender {
  private static final int WINDOW = 4 << 20;

  private final Session session;
  private final SessionType type;
  private final EventPrinter printer;
  private final SendFormat baseFormat;
  private final Semaphore window = new Semaphore(WINDOW);
  private volatile PayloadMode typedMode;
  private volatile int selectedPeer;
  private volatile HostPort selectedRemote;

  Sender(Session session, SessionType type, EventPrinter printer, SendFormat format) {
    this.session = session;
    this.type = type;
    this.printer = printer;
    this.baseFormat = format;
    this.typedMode = format.mode();
  }

  /** Encodes a typed line in the current mode and sends it; a bad line is reported, not fatal. */
  void sendLine(String line) {
    byte[] data;
    try {
      data = baseFormat.withMode(typedMode).encode(line);
    } catch (IllegalArgumentException e) {
      printer.error(null, e.getMessage());
      return;
    }
    send(data);
  }

  /** Sends bytes as they are. Waits while 4 MiB are still being written. */
  void send(byte[] data) {
    if (data.length == 0) {
      return;
    }
    if ((type == SessionType.TCP_SERVER || type == SessionType.WS_SERVER)
        && selectedPeer == 0
        && session.peers().isEmpty()) {
      printer.info("no client is connected; nothing was sent");
      return;
    }
    int permits = Math.min(data.length, WINDOW);
    window.acquireUninterruptibly(permits);
    CompletableFuture<Void> sending;
    try {
      sending = route(data);
    } catch (RuntimeException e) {
      window.release(permits);
      printer.error(null, e.getMessage());
      return;
    }
    sending.whenComplete(
        (v, e) -> {
          window.release(permits);
          if (e != null && !reportedAsEvent(SessionRunner.unwrap(e))) {
            printer.error(null, SessionRunner.unwrap(e).getMessage());
          }
        });
  }

  /**
   * Whether the session reported {@code failure} as its own error event already: a UDP datagram
   * that could not be written is one (see {@link Session#send(byte[])}), with its peer as param;
   * printing the send's failure too would say it twice.
   */
  private boolean reportedAsEvent(Throwable failure) {
    return type == SessionType.UDP
        && failure instanceof SessionException s
        && s.params().containsKey("peer");
  }

  /** Waits until every send so far is written (or has failed). */
  void drain() {
    window.acquireUninterruptibly(WINDOW);
    window.release(WINDOW);
  }

  private CompletableFuture<Void> route(byte[] data) {
    int peer = selectedPeer;
    HostPort remote = selectedRemote;
    if (peer != 0) {
      return session.send(peer, data);
    }
    if (remote != null) {
      return session.sendTo(remote, data);
    }
    return session.send(data);
  }

  void typedMode(PayloadMode mode) {
    typedMode = mode;
  }

  /** Sends go to this peer only; 0 for the default target (all clients, or the UDP default). */
  void selectPeer(int peerId) {
    selectedPeer = peerId;
    selectedRemote = null;
  }

  /** UDP: sends go to this address. */
  void selectRemote(HostPort remote) {
    selectedRemote = remote;
    selectedPeer = 0;
  }

  int selectedPeer() {
    return selectedPeer;
  }
}
