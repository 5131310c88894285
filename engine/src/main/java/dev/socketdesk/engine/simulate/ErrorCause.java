package dev.socketdesk.engine.simulate;

/** Why a device failed to connect or lost its connection; errors are grouped by these. */
public enum ErrorCause {
  REFUSED("connection refused", "is the target listening on that port?"),
  RESET("connection reset by peer", "the target closed connections abruptly"),
  TIMEOUT(
      "timed out",
      "the target did not answer in time; raise the connect timeout or lower the ramp rate"),
  FD_LIMIT(
      "fd limit reached (EMFILE: too many open files)",
      "raise the limit with 'ulimit -n' or run fewer devices"),
  NO_LOCAL_PORT(
      "no free local port (EADDRNOTAVAIL)",
      "the local port range is used up; run fewer devices or widen"
          + " net.ipv4.ip_local_port_range"),
  UNREACHABLE("host or network unreachable", "check the target address"),
  OTHER("other error", "see the example message");

  private final String description;
  private final String advice;

  ErrorCause(String description, String advice) {
    this.description = description;
    this.advice = advice;
  }

  /** Short phrase, e.g. {@code connection refused}. */
  public String description() {
    return description;
  }

  /** What to do about it, one phrase. */
  public String advice() {
    return advice;
  }
}
