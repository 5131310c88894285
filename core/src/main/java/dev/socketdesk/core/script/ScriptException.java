package dev.socketdesk.core.script;

/**
 * A script that cannot run as written. The message is one line: {@code file:line:column: what is
 * wrong; the fix}.
 */
public final class ScriptException extends RuntimeException {
  private final Location location;
  private final String problem;

  public ScriptException(Location location, String problem) {
    super(location + ": " + problem);
    this.location = location;
    this.problem = problem;
  }

  public Location location() {
    return location;
  }

  /** The message without its location. */
  public String problem() {
    return problem;
  }
}
