package dev.socketdesk.engine.internal.failures;

import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import io.netty.channel.ConnectTimeoutException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/** Turns socket exceptions into one-line messages that name the value and say what to do. */
public final class Failures {
  private Failures() {}

  /** A failure to bind {@code address} (as the user gave it, e.g. {@code 0.0.0.0:10000}). */
  public static SessionException bind(Throwable cause, String host, int port) {
    if (cause instanceof SessionException e) {
      return e;
    }
    String where = host == null ? "0.0.0.0" : host;
    String text = text(cause);
    if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
      return new SessionException(
          Kind.UNKNOWN_HOST,
          "unknown local address '" + where + "'; use an address of this machine or 0.0.0.0");
    }
    if (text.contains("address already in use")) {
      return new SessionException(
          Kind.PORT_IN_USE,
          "port "
              + port
              + " is already in use on "
              + where
              + "; pick another port or stop the program using it");
    }
    if (text.contains("cannot assign requested address")
        || text.contains("address not available")) {
      return new SessionException(
          Kind.ADDRESS_NOT_LOCAL,
          "address "
              + where
              + " is not an address of this machine; pick one of its addresses or"
              + " 0.0.0.0");
    }
    if (text.contains("permission denied") || text.contains("access denied")) {
      return new SessionException(
          Kind.PERMISSION_DENIED,
          "permission denied to listen on port "
              + port
              + " of "
              + where
              + "; use a port above 1023 or run with the needed privileges");
    }
    if (tooManyFiles(text)) {
      return tooManyFiles();
    }
    return new SessionException(
        Kind.OTHER, "cannot listen on " + where + ":" + port + ": " + plain(cause));
  }

  /** A failure to connect to {@code target} ({@code host:port}). */
  public static SessionException connect(Throwable cause, String target, long timeoutMillis) {
    if (cause instanceof SessionException e) {
      return e;
    }
    String text = text(cause);
    if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
      String host = target.substring(0, Math.max(0, target.lastIndexOf(':')));
      return new SessionException(
          Kind.UNKNOWN_HOST,
          "unknown host '"
              + host.replace("[", "").replace("]", "")
              + "'; check the spelling, or use the board's IP address");
    }
    if (cause instanceof ConnectTimeoutException || text.contains("timed out")) {
      return new SessionException(
          Kind.TIMEOUT,
          "connecting to "
              + target
              + " timed out after "
              + seconds(timeoutMillis)
              + "; check the address, and that the board is on the same network");
    }
    if (text.contains("connection refused") || cause instanceof PortUnreachableException) {
      return new SessionException(
          Kind.REFUSED,
          "connection to "
              + target
              + " refused; check that the server is running and listening"
              + " on that port");
    }
    if (cause instanceof NoRouteToHostException
        || text.contains("no route to host")
        || text.contains("network is unreachable")) {
      return new SessionException(
          Kind.UNREACHABLE,
          "no route to " + target + "; check the address and this machine's network connection");
    }
    if (text.contains("cannot assign requested address")) {
      return new SessionException(
          Kind.ADDRESS_NOT_LOCAL,
          "cannot connect to " + target + " from the chosen local address; pick another one");
    }
    if (tooManyFiles(text)) {
      return tooManyFiles();
    }
    return new SessionException(Kind.OTHER, "cannot connect to " + target + ": " + plain(cause));
  }

  /** An I/O failure on an established connection or socket. */
  public static SessionException io(Throwable cause, String peer) {
    if (cause instanceof SessionException e) {
      return e;
    }
    String text = text(cause);
    if (isReset(cause)) {
      return new SessionException(Kind.RESET, peer + " reset the connection");
    }
    if (cause instanceof ClosedChannelException) {
      return new SessionException(
          Kind.NOT_CONNECTED, peer + " is no longer connected; wait for it to reconnect");
    }
    if (tooManyFiles(text)) {
      return tooManyFiles();
    }
    if (cause instanceof PortUnreachableException || text.contains("connection refused")) {
      return new SessionException(
          Kind.REFUSED, peer + " refused the datagram: nothing listens on that port");
    }
    return new SessionException(Kind.OTHER, peer + ": " + plain(cause));
  }

  /** Whether {@code cause} is a connection reset by the peer. */
  public static boolean isReset(Throwable cause) {
    String text = text(cause);
    return text.contains("connection reset") || text.contains("broken pipe");
  }

  private static boolean tooManyFiles(String text) {
    return text.contains("too many open files");
  }

  private static SessionException tooManyFiles() {
    return new SessionException(
        Kind.TOO_MANY_FILES,
        "too many open files: the open-file limit (ulimit -n) is reached; raise it or use fewer"
            + " connections");
  }

  private static String seconds(long millis) {
    return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
  }

  private static String text(Throwable cause) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = cause; t != null; t = t.getCause()) {
      all.append(t.getClass().getSimpleName()).append(' ').append(t.getMessage()).append(' ');
      if (t.getCause() == t) {
        break;
      }
    }
    return all.toString().toLowerCase(Locale.ROOT);
  }

  private static String plain(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      message = root.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
