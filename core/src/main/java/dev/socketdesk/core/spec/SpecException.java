package dev.socketdesk.core.spec;

/**
 * A spec field has a bad value. It carries the field's name as the JSON and YAML spell it ({@link
 * #field()}, e.g. {@code localPort}) and the problem with its fix. Each front end words the field
 * its own way through {@link #describe(String)}: {@code --port} in the CLI, "Local port" in the
 * page, {@code localPort} in the HTTP API ({@link #getMessage()}).
 */
public final class SpecException extends IllegalArgumentException {
  private final String field;
  private final String problem;
  private final boolean selfContained;

  private SpecException(String field, String problem, boolean selfContained) {
    super(selfContained || field == null ? problem : field + " " + problem, null);
    this.field = field;
    this.problem = problem;
    this.selfContained = selfContained;
  }

  /**
   * A problem worded after the field's name, e.g. {@code of("localPort", "70000 is out of range;
   * use 0 to 65535")} reads "localPort 70000 is out of range; use 0 to 65535".
   */
  public static SpecException of(String field, String problem) {
    return new SpecException(field, problem, false);
  }

  /**
   * A message that already names the value in words (the engine's parsers word their failures so,
   * e.g. "address 'x' has no port; use HOST:PORT"); front ends show it as it is.
   */
  public static SpecException worded(String field, String message) {
    return new SpecException(field, message, true);
  }

  /** A problem with the whole body or document rather than one field. */
  public static SpecException whole(String message) {
    return new SpecException(null, message, true);
  }

  /**
   * The field as the JSON and YAML spell it ({@code rules[0].match} inside lists); null if none.
   */
  public String field() {
    return field;
  }

  /** The problem and its fix, without the field's name when {@link #describe} adds one. */
  public String problem() {
    return problem;
  }

  /** The message with the field called {@code name}: an option, a form label, a JSON key. */
  public String describe(String name) {
    return selfContained || name == null ? problem : name + " " + problem;
  }

  /** The same problem at {@code path}, the field's full path. */
  SpecException at(String path) {
    return new SpecException(path, problem, selfContained);
  }

  /** The same problem at {@code prefix.field} (a field inside a list or an object). */
  SpecException under(String prefix) {
    return new SpecException(field == null ? prefix : prefix + "." + field, problem, selfContained);
  }
}
