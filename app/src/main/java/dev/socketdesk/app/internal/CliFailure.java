package dev.socketdesk.app.internal;

import dev.socketdesk.engine.codec.Visible;
import java.util.function.Supplier;

/**
 * Ends a command with an exit code and a one-line message for stderr. {@link #USAGE} (2) is for bad
 * usage or bad input, {@link #RUNTIME} (1) for a failure at run time.
 */
public final class CliFailure extends RuntimeException {
  public static final int USAGE = 2;
  public static final int RUNTIME = 1;

  private final int exitCode;

  public CliFailure(int exitCode, String message) {
    super(oneLine(message), null, false, false);
    this.exitCode = exitCode;
  }

  /** Bad usage or input: exit code 2. */
  public static CliFailure usage(String message) {
    return new CliFailure(USAGE, message);
  }

  /**
   * Builds a value whose builder checks its arguments, turning an {@link IllegalArgumentException}
   * (whose message names the bad value and the fix) into bad usage.
   */
  public static <T> T usageIfInvalid(Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  /** A failure at run time: exit code 1. */
  public static CliFailure runtime(String message) {
    return new CliFailure(RUNTIME, message);
  }

  public int exitCode() {
    return exitCode;
  }

  /**
   * The message as one line: its control characters, line breaks included, are escaped ({@code \n},
   * <code>&#92;u0007</code>), so that user input quoted in it cannot break the line or drive the
   * terminal.
   */
  public static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "unexpected error";
    }
    return Visible.of(message.strip());
  }
}
