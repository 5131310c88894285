package dev.socketdesk.app.internal;

import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.SessionException;
import java.time.Duration;
import java.util.function.Function;

/**
 * The command line's wording of a session that could not open. Where the fix is a command-line
 * option, the message names it; otherwise the engine's one-line message is used as it is.
 */
public final class OpenFailures {
  private OpenFailures() {}

  /** For a session that binds a local port (tcp-server, udp). */
  public static Function<SessionException, String> bind(String bindHost, int port) {
    String where = bindHost == null ? "0.0.0.0" : bindHost;
    return e ->
        switch (e.kind()) {
          case PORT_IN_USE ->
              "port "
                  + port
                  + " is already in use on "
                  + where
                  + "; pick another with --port or stop the program using it";
          case ADDRESS_NOT_LOCAL ->
              "address "
                  + where
                  + " is not an address of this machine; use one of its addresses with --bind, or"
                  + " leave --bind out to listen on all of them";
          case PERMISSION_DENIED ->
              "port "
                  + port
                  + " needs administrator rights on this system; use a port above 1023 with --port";
          default -> e.getMessage();
        };
  }

  /** For a TCP client connecting to {@code remote}. */
  public static Function<SessionException, String> connect(HostPort remote, Duration timeout) {
    return e ->
        e.kind() == SessionException.Kind.TIMEOUT
            ? "no answer from "
                + remote
                + " within "
                + Durations.format(timeout)
                + "; check the address and that the board is on the same network, or raise"
                + " --connect-timeout"
            : e.getMessage();
  }
}
