package dev.socketdesk.engine.internal.websocket;

/** WebSocket close status codes (RFC 6455 section 7.4) and their names, for the log. */
public final class CloseCodes {
  public static final int NORMAL = 1000;
  public static final int MESSAGE_TOO_BIG = 1009;

  private CloseCodes() {}

  /** {@code 1000 (normal closure)}; codes without a name as the bare number. */
  public static String describe(int code) {
    String name =
        switch (code) {
          case 1000 -> "normal closure";
          case 1001 -> "going away";
          case 1002 -> "protocol error";
          case 1003 -> "unsupported data";
          case 1005 -> "no status code";
          case 1006 -> "abnormal closure";
          case 1007 -> "invalid payload data";
          case 1008 -> "policy violation";
          case 1009 -> "message too big";
          case 1010 -> "mandatory extension";
          case 1011 -> "internal error";
          case 1012 -> "service restart";
          case 1013 -> "try again later";
          case 1014 -> "bad gateway";
          default -> null;
        };
    return name == null ? String.valueOf(code) : code + " (" + name + ")";
  }

  /** Whether an endpoint may send {@code code} in a close frame. */
  public static boolean sendable(int code) {
    return (code >= 1000 && code <= 1003)
        || (code >= 1007 && code <= 1014)
        || (code >= 3000 && code <= 4999);
  }
}
