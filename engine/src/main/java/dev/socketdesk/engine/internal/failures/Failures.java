package dev.socketdesk.engine.internal.failures;

import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import io.netty.channel.ConnectTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns socket exceptions into one-line messages that name the value and say what to do. The
 * failure is classified by exception type and errno ({@link SocketError}); only where the JDK's NIO
 * transport hides the errno are its fixed messages read ({@link #jdkMessage}).
 */
public final class Failures {
  private Failures() {}

  /** A failure to bind {@code host:port} ({@code host} null for all addresses). */
  public static SessionException bind(Throwable cause, String host, int port) {
    if (cause instanceof SessionException e) {
      return e;
    }
    String where = host == null ? "0.0.0.0" : host;
    return withParams(bindFailure(cause, where, port), Map.of("host", where, "port", "" + port));
  }

  private static SessionException bindFailure(Throwable cause, String where, int port) {
    if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
      return new SessionException(
          Kind.UNKNOWN_HOST,
          "unknown local address '" + where + "'; use an address of this machine or 0.0.0.0");
    }
    return switch (classify(cause)) {
      case ADDRESS_IN_USE ->
          new SessionException(Kind.PORT_IN_USE, portInUse(Integer.toString(port), where, null));
      case ADDRESS_NOT_AVAILABLE ->
          new SessionException(
              Kind.ADDRESS_NOT_LOCAL,
              "address "
                  + where
                  + " is not an address of this machine; pick one of its addresses or 0.0.0.0");
      case PERMISSION ->
          new SessionException(
              Kind.PERMISSION_DENIED,
              "permission denied to listen on port "
                  + port
                  + " of "
                  + where
                  + "; use a port above 1023 or run with the needed privileges");
      case TOO_MANY_FILES, TOO_MANY_FILES_SYSTEM -> tooManyFiles();
      default ->
          new SessionException(
              Kind.OTHER, "cannot listen on " + where + ":" + port + ": " + plain(cause));
    };
  }

  /** A failure to connect to {@code target} ({@code host:port}) from any local address. */
  public static SessionException connect(Throwable cause, String target, long timeoutMillis) {
    return connect(cause, target, null, timeoutMillis);
  }

  /**
   * A failure to connect to {@code target} ({@code host:port}) from the local address {@code
   * bindHost} (null for the system's choice).
   */
  public static SessionException connect(
      Throwable cause, String target, String bindHost, long timeoutMillis) {
    if (cause instanceof SessionException e) {
      return e;
    }
    Map<String, String> params = new HashMap<>();
    params.put("target", target);
    params.put("timeoutMs", Long.toString(timeoutMillis));
    if (bindHost != null) {
      params.put("local", bindHost);
    }
    return withParams(connectFailure(cause, target, bindHost, timeoutMillis), params);
  }

  private static SessionException connectFailure(
      Throwable cause, String target, String bindHost, long timeoutMillis) {
    if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
      String host = target.substring(0, Math.max(0, target.lastIndexOf(':')));
      return new SessionException(
          Kind.UNKNOWN_HOST,
          "unknown host '"
              + host.replace("[", "").replace("]", "")
              + "'; check the spelling, or use the board's IP address");
    }
    SocketError error =
        cause instanceof ConnectTimeoutException ? SocketError.TIMED_OUT : classify(cause);
    return switch (error) {
      case TIMED_OUT -> new SessionException(Kind.TIMEOUT, timedOut(target, timeoutMillis, null));
      case REFUSED ->
          new SessionException(
              Kind.REFUSED,
              "connection to "
                  + target
                  + " refused; check that the server is running and listening on that port");
      case NETWORK_UNREACHABLE, HOST_UNREACHABLE ->
          new SessionException(
              Kind.UNREACHABLE,
              "no route to "
                  + target
                  + "; check the address and this machine's network connection");
      case ADDRESS_NOT_AVAILABLE ->
          new SessionException(
              Kind.ADDRESS_NOT_LOCAL,
              "cannot connect to "
                  + target
                  + " from "
                  + (bindHost == null ? "the chosen local address" : "local address " + bindHost)
                  + "; pick another one");
      case FAMILY_NOT_SUPPORTED ->
          new SessionException(
              Kind.INVALID,
              "cannot connect to "
                  + target
                  + (bindHost == null ? "" : " from local address " + bindHost)
                  + ": the local and the remote address are of different families (IPv4 and"
                  + " IPv6); use a local address of the remote's family, or none");
      case TOO_MANY_FILES, TOO_MANY_FILES_SYSTEM -> tooManyFiles();
      default ->
          new SessionException(Kind.OTHER, "cannot connect to " + target + ": " + plain(cause));
    };
  }

  /**
   * An I/O failure on an established connection or socket, reported where nothing else names the
   * peer (a send's result): a failure without a wording of its own reads {@code "PEER: the system's
   * words"}.
   */
  public static SessionException io(Throwable cause, String peer) {
    return peerFailure(cause, peer, Kind.OTHER, peer + ": ");
  }

  /**
   * A failure of the established connection with {@code peer}, reported on an event that names the
   * peer: a failure without a wording of its own is {@code connection-failed}, worded without the
   * peer (param {@code peer}), so the event's line does not repeat it as a {@code "#1 host:port: "}
   * prefix.
   */
  public static SessionException connection(Throwable cause, String peer) {
    return peerFailure(cause, peer, Kind.CONNECTION_FAILED, "the connection failed: ");
  }

  /**
   * A datagram to {@code peer} that could not be sent, reported on an event that already names the
   * peer: a failure without a wording of its own is {@code datagram-failed} (see {@link
   * #connection}).
   */
  public static SessionException datagram(Throwable cause, String peer) {
    return peerFailure(cause, peer, Kind.DATAGRAM_FAILED, "the datagram could not be sent: ");
  }

  /**
   * {@code cause} as a failure about {@code peer}; one without a wording of its own is {@code
   * fallback}, worded {@code lead} and the system's words, with those words as param {@code error}
   * (but for {@code other}, whose line carries them anyway).
   */
  private static SessionException peerFailure(
      Throwable cause, String peer, Kind fallback, String lead) {
    if (cause instanceof SessionException e) {
      return e;
    }
    SessionException known = ioFailure(cause, peer);
    if (known != null) {
      return withParams(known, Map.of("peer", peer));
    }
    String error = plain(cause);
    Map<String, String> params =
        fallback == Kind.OTHER ? Map.of("peer", peer) : Map.of("peer", peer, "error", error);
    return new SessionException(fallback, lead + error, params);
  }

  /** The failure's own wording, or null when it has none. */
  private static SessionException ioFailure(Throwable cause, String peer) {
    if (cause instanceof ClosedChannelException) {
      return new SessionException(
          Kind.NOT_CONNECTED, peer + " is no longer connected; wait for it to reconnect");
    }
    return switch (classify(cause)) {
      case RESET, BROKEN_PIPE -> new SessionException(Kind.RESET, peer + " reset the connection");
      case TOO_MANY_FILES, TOO_MANY_FILES_SYSTEM -> tooManyFiles();
      case REFUSED ->
          new SessionException(
              Kind.REFUSED, peer + " refused the datagram: nothing listens on that port");
      case MESSAGE_TOO_LONG ->
          new SessionException(
              Kind.DATAGRAM_TOO_LONG,
              "the datagram is too long: UDP carries at most 65,507 bytes of payload over IPv4 (65,527"
                  + " over IPv6); send less per datagram, and leave room for an echo prefix");
      default -> null;
    };
  }

  /** A TCP server refused the client at {@code peer}: {@code max} clients are connected. */
  public static SessionException clientLimit(String peer, int max) {
    return new SessionException(
        Kind.CLIENT_LIMIT,
        "refused a client from "
            + peer
            + ": the client limit ("
            + max
            + ") is reached; disconnect one or raise the limit",
        Map.of("peer", peer, "max", Integer.toString(max)));
  }

  /** A capture stopped writing {@code file} for {@code error}; the session keeps running. */
  public static SessionException captureStopped(String file, String error) {
    return new SessionException(
        Kind.CAPTURE_STOPPED,
        "capture to "
            + file
            + " stopped: "
            + error
            + "; free some disk space or choose another file, then capture again",
        Map.of("file", file, "error", error));
  }

  /**
   * A forward's target {@code target} failed for {@code cause}, and the client's connection was
   * closed. The params are the cause's, with {@code target}, the cause's own line as {@code error}
   * and its code as {@code causeCode}.
   */
  public static SessionException forwardTarget(String target, SessionException cause) {
    Map<String, String> params = new HashMap<>(cause.params());
    params.put("target", target);
    params.put("error", cause.getMessage());
    params.put("causeCode", cause.code());
    return new SessionException(
        Kind.FORWARD_TARGET,
        "cannot reach the target "
            + target
            + ": "
            + cause.getMessage()
            + "; closed the client's connection",
        params);
  }

  /**
   * The wording of a port in use; {@code setting} is a front end's name for the port setting, e.g.
   * {@code --port}, or null.
   */
  public static String portInUse(String port, String host, String setting) {
    return "port "
        + port
        + " is already in use on "
        + host
        + "; pick another "
        + (setting == null ? "port" : "with " + setting)
        + " or stop the program using it";
  }

  /** The wording of a connect timeout; {@code setting} names the timeout setting, or null. */
  public static String timedOut(String target, long timeoutMillis, String setting) {
    return "connecting to "
        + target
        + " timed out after "
        + seconds(timeoutMillis)
        + "; check the address, and that the board is on the same network"
        + (setting == null ? "" : ", or raise " + setting);
  }

  private static SessionException withParams(SessionException e, Map<String, String> params) {
    return new SessionException(e.kind(), e.getMessage(), params);
  }

  /** Whether {@code cause} is a connection reset by the peer. */
  public static boolean isReset(Throwable cause) {
    SocketError error = classify(cause);
    return error == SocketError.RESET || error == SocketError.BROKEN_PIPE;
  }

  private static SocketError classify(Throwable cause) {
    SocketError error = SocketError.of(cause);
    return error != SocketError.UNKNOWN ? error : jdkMessage(cause);
  }

  /**
   * The NIO fallback: the JDK reports most socket errors as {@code SocketException}s whose message
   * is the C library's fixed English text for the errno, and gives no other way to tell them apart.
   */
  private static SocketError jdkMessage(Throwable cause) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      all.append(t.getMessage()).append(' ');
    }
    String text = all.toString().toLowerCase(Locale.ROOT);
    if (text.contains("address already in use")) {
      return SocketError.ADDRESS_IN_USE;
    }
    if (text.contains("cannot assign requested address")) {
      return SocketError.ADDRESS_NOT_AVAILABLE;
    }
    if (text.contains("permission denied")) {
      return SocketError.PERMISSION;
    }
    if (text.contains("connection reset")) {
      return SocketError.RESET;
    }
    if (text.contains("broken pipe")) {
      return SocketError.BROKEN_PIPE;
    }
    if (text.contains("connection refused")) {
      return SocketError.REFUSED;
    }
    if (text.contains("timed out")) {
      return SocketError.TIMED_OUT;
    }
    if (text.contains("network is unreachable")) {
      return SocketError.NETWORK_UNREACHABLE;
    }
    if (text.contains("too many open files")) {
      return SocketError.TOO_MANY_FILES;
    }
    if (text.contains("message too long")) {
      return SocketError.MESSAGE_TOO_LONG;
    }
    if (text.contains("address family not supported")
        || text.contains("protocol family unavailable")) {
      return SocketError.FAMILY_NOT_SUPPORTED;
    }
    return SocketError.UNKNOWN;
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

  /** The root cause's first line, without Netty's call prefix ({@code connect(..) failed...:}). */
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
    message = newline < 0 ? message : message.substring(0, newline);
    int colon = message.indexOf("): ");
    return message.contains("(..) failed") && colon > 0 ? message.substring(colon + 3) : message;
  }
}
