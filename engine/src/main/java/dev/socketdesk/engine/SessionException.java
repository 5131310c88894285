package dev.socketdesk.engine;

import dev.socketdesk.engine.internal.failures.Failures;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A session could not do what was asked. The message is one line for a person: it names the bad
 * value and says what to do, e.g. {@code port 10000 is already in use on 0.0.0.0; pick another port
 * or stop the program using it}.
 *
 * <p>This is the catalogue of failures: each {@link Kind} has one wording, made here in the engine
 * (the front ends name no option in it), a stable {@link #code()} and the {@link #params()} its
 * wording names, so that a front end can word it again in another language.
 */
public final class SessionException extends RuntimeException {

  /** What kind of failure, so that front ends can phrase their own advice. */
  public enum Kind {
    PORT_IN_USE,
    ADDRESS_NOT_LOCAL,
    PERMISSION_DENIED,
    UNKNOWN_HOST,
    REFUSED,
    TIMEOUT,
    RESET,
    UNREACHABLE,
    NOT_CONNECTED,
    TOO_MANY_FILES,
    /** The peer's certificate is not signed by a CA we trust. */
    TLS_UNTRUSTED,
    /** The peer's certificate has expired or is not yet valid. */
    TLS_EXPIRED,
    /** The peer's certificate is not for the name or address we connected to. */
    TLS_NAME_MISMATCH,
    /** The peers have no TLS protocol version or cipher in common. */
    TLS_NO_COMMON,
    /** One side speaks TLS and the other plain TCP. */
    TLS_NOT_TLS,
    /** We speak plain TCP and the peer TLS: a hint, the connection goes on. */
    TLS_EXPECTED,
    /** The peer refused our certificate, or sent none where one is required. */
    TLS_REJECTED,
    /** Another TLS failure, or certificate or key files that cannot be used. */
    TLS_OTHER,
    /**
     * An established connection failed for a reason without a wording of its own; the system's
     * words are param {@code error}.
     */
    CONNECTION_FAILED,
    /** A datagram could not be sent for a reason without a wording of its own (see above). */
    DATAGRAM_FAILED,
    /** A datagram is longer than UDP carries. */
    DATAGRAM_TOO_LONG,
    /** A WebSocket message is over the maximum message size; it was closed with 1009. */
    MESSAGE_TOO_BIG,
    /** A WebSocket peer broke the protocol (a bad frame); it was closed with the matching code. */
    WEBSOCKET_PROTOCOL,
    /** A TCP server refused a client: its limit of clients is reached. */
    CLIENT_LIMIT,
    /** A capture could not write its file and stopped; the session keeps running. */
    CAPTURE_STOPPED,
    /** A forward could not reach or keep its target; the client's connection was closed. */
    FORWARD_TARGET,
    /** The serial port does not exist. */
    SERIAL_NOT_FOUND,
    /** The serial port went away while open: unplugged, or its program ended. */
    SERIAL_GONE,
    /** The path exists but is not a serial port (a regular file, a folder...). */
    SERIAL_NOT_A_PORT,
    /** No permission to open the serial port. */
    SERIAL_PERMISSION,
    /** Another program has the serial port open. */
    SERIAL_BUSY,
    /** The serial port refuses the speed, frame or flow control. */
    SERIAL_UNSUPPORTED,
    INVALID,
    OTHER
  }

  private final Kind kind;
  private final Map<String, String> params;

  public SessionException(Kind kind, String message) {
    this(kind, message, Map.of());
  }

  /**
   * @param params the values the message names, e.g. {@code port} and {@code host}.
   */
  public SessionException(Kind kind, String message, Map<String, String> params) {
    super(message, null, false, false);
    this.kind = kind;
    this.params = Map.copyOf(params);
  }

  public Kind kind() {
    return kind;
  }

  /** The stable code of {@link #kind()}: {@code port-in-use}, {@code timeout}... */
  public String code() {
    return code(kind);
  }

  /** The code of {@code kind}: its name in lower case with dashes. */
  public static String code(Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The values the message names, by name ({@code host}, {@code port}, {@code target}...). */
  public Map<String, String> params() {
    return params;
  }

  /**
   * The message with the advice naming a front end's own setting where the wording advises one:
   * {@code settings} maps {@code port} and {@code connectTimeout} to a name (e.g. {@code --port}),
   * or to null for none, which gives {@link #getMessage()}.
   */
  public String describe(Function<String, String> settings) {
    if (kind == Kind.PORT_IN_USE && params.containsKey("port") && settings.apply("port") != null) {
      return Failures.portInUse(params.get("port"), params.get("host"), settings.apply("port"));
    }
    if (kind == Kind.TIMEOUT
        && params.containsKey("timeoutMs")
        && settings.apply("connectTimeout") != null) {
      return Failures.timedOut(
          params.get("target"),
          Long.parseLong(params.get("timeoutMs")),
          settings.apply("connectTimeout"));
    }
    return getMessage();
  }

  /**
   * The failure to listen on {@code host:port} ({@code host} null for all addresses), for any
   * server socket, the engine's or a front end's own (the web UI's): the one wording of bind
   * failures.
   */
  public static SessionException bind(Throwable cause, String host, int port) {
    return Failures.bind(cause, host, port);
  }
}
