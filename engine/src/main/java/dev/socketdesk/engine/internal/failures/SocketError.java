package dev.socketdesk.engine.internal.failures;

import io.netty.channel.unix.Errors;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system error behind a socket exception, by its Linux errno: from Netty's native transport,
 * {@link Errors.NativeIoException#expectedErr()}, or the {@code error(-N)} that Netty puts in its
 * connect exceptions; from the JDK, the exception's type where the type says it. {@link #UNKNOWN}
 * otherwise (the JDK's NIO transport keeps most errnos to itself; {@link Failures} then falls back
 * to the JDK's fixed English messages).
 */
enum SocketError {
  PERMISSION(13),
  TOO_MANY_FILES_SYSTEM(23),
  TOO_MANY_FILES(24),
  BROKEN_PIPE(32),
  MESSAGE_TOO_LONG(90),
  FAMILY_NOT_SUPPORTED(97),
  ADDRESS_IN_USE(98),
  ADDRESS_NOT_AVAILABLE(99),
  NETWORK_UNREACHABLE(101),
  RESET(104),
  TIMED_OUT(110),
  REFUSED(111),
  HOST_UNREACHABLE(113),
  UNKNOWN(0);

  /** Netty's connect exceptions: {@code connect(..) failed with error(-111): ...}. */
  private static final Pattern NETTY_ERRNO = Pattern.compile("failed with error\\((-\\d+)\\)");

  private final int errno;

  SocketError(int errno) {
    this.errno = errno;
  }

  /** The error behind {@code cause} or one of its causes. */
  static SocketError of(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      SocketError found = ofOne(t);
      if (found != UNKNOWN) {
        return found;
      }
    }
    return UNKNOWN;
  }

  boolean isTooManyFiles() {
    return this == TOO_MANY_FILES || this == TOO_MANY_FILES_SYSTEM;
  }

  private static SocketError ofOne(Throwable t) {
    if (t instanceof Errors.NativeIoException e) {
      return byErrno(-e.expectedErr());
    }
    if (t.getMessage() != null) {
      Matcher m = NETTY_ERRNO.matcher(t.getMessage());
      if (m.find()) {
        return byErrno(-Integer.parseInt(m.group(1)));
      }
    }
    if (t instanceof NoRouteToHostException) {
      return HOST_UNREACHABLE;
    }
    if (t instanceof PortUnreachableException) {
      return REFUSED;
    }
    if (t instanceof ConnectException && "Connection refused".equals(t.getMessage())) {
      return REFUSED;
    }
    return UNKNOWN;
  }

  private static SocketError byErrno(int errno) {
    for (SocketError e : values()) {
      if (e.errno == errno) {
        return e;
      }
    }
    return UNKNOWN;
  }
}
