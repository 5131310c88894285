package dev.socketdesk.engine.simulate.internal;

import dev.socketdesk.engine.simulate.ErrorCause;
import dev.socketdesk.engine.simulate.ErrorGroup;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/** Counts every error by cause and keeps the first message of each cause. Thread-safe. */
public final class ErrorCollector {
  private static final ErrorCause[] CAUSES = ErrorCause.values();
  private final LongAdder[] counts = new LongAdder[CAUSES.length];
  private final AtomicReferenceArray<String> examples = new AtomicReferenceArray<>(CAUSES.length);

  public ErrorCollector() {
    for (int i = 0; i < counts.length; i++) {
      counts[i] = new LongAdder();
    }
  }

  /** Counts one error, classified from the exception and its causes. */
  public ErrorCause record(Throwable error) {
    ErrorCause cause = classify(error);
    counts[cause.ordinal()].increment();
    examples.compareAndSet(cause.ordinal(), null, oneLine(error));
    return cause;
  }

  /** Counts one error of a known cause. */
  public void record(ErrorCause cause, String message) {
    counts[cause.ordinal()].increment();
    examples.compareAndSet(cause.ordinal(), null, message);
  }

  public long total() {
    long total = 0;
    for (LongAdder c : counts) {
      total += c.sum();
    }
    return total;
  }

  /** Non-empty groups, largest first. */
  public List<ErrorGroup> groups() {
    List<ErrorGroup> groups = new ArrayList<>();
    for (ErrorCause cause : CAUSES) {
      long n = counts[cause.ordinal()].sum();
      if (n > 0) {
        groups.add(new ErrorGroup(cause, n, examples.get(cause.ordinal())));
      }
    }
    groups.sort(Comparator.comparingLong(ErrorGroup::count).reversed());
    return groups;
  }

  /** The cause of an error, from its type and the messages of its cause chain. */
  public static ErrorCause classify(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectTimeoutException) {
        return ErrorCause.TIMEOUT;
      }
      if (t instanceof NoRouteToHostException) {
        return ErrorCause.UNREACHABLE;
      }
      String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (m.contains("too many open files")) {
        return ErrorCause.FD_LIMIT;
      }
      if (m.contains("connection refused")) {
        return ErrorCause.REFUSED;
      }
      if (m.contains("connection reset") || m.contains("broken pipe")) {
        return ErrorCause.RESET;
      }
      if (m.contains("timed out")) {
        return ErrorCause.TIMEOUT;
      }
      if (m.contains("cannot assign requested address")) {
        return ErrorCause.NO_LOCAL_PORT;
      }
      if (m.contains("unreachable")) {
        return ErrorCause.UNREACHABLE;
      }
      if (t instanceof ConnectException && m.isEmpty()) {
        return ErrorCause.REFUSED;
      }
    }
    return ErrorCause.OTHER;
  }

  /** The innermost useful message of an error, on one line. */
  static String oneLine(Throwable error) {
    Throwable t = error;
    while (t.getCause() != null && t.getCause() != t && t.getMessage() == null) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.replaceAll("\\s+", " ")
        .replaceFirst("^\\w+\\(\\.\\.\\) failed(?: with error\\(-?\\d+\\))?: ", "")
        .trim();
  }
}
