package dev.socketdesk.core.script;

/**
 * Where something is in a script file, as editors count: line and column from 1.
 *
 * @param file the file as it was named to the parser.
 */
public record Location(String file, int line, int column) {

  /** {@code file:line:column}, the form editors and compilers use. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
