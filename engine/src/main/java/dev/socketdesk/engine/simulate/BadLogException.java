package dev.socketdesk.engine.simulate;

/**
 * A histogram log cannot be used for a report. The message is one line that names the file (or the
 * shard) and what is wrong with it.
 */
public final class BadLogException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What is wrong. */
  public enum Kind {
    /** The file does not exist or cannot be read, or a shard of the fleet has no log. */
    MISSING,
    /** The file ends before the run's final counters: the shard was stopped or still runs. */
    TRUNCATED,
    /** Not a simulator histogram log, or a damaged line. */
    INVALID,
    /** The log belongs to another run, profile, target, device count or shard split. */
    MISMATCHED
  }

  private final Kind kind;

  public BadLogException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
