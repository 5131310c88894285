package dev.socketdesk.core.script.internal;

import dev.socketdesk.core.script.Location;
import java.util.List;
import java.util.Map;

/** A YAML value with the place it was written, so that every error can name its line and column. */
public sealed interface YamlNode {

  Location location();

  /**
   * A scalar; {@code text} is null for YAML's null ({@code ~} or nothing). {@code quoted} when it
   * is written in quotes, so that its text starts one column after its location.
   */
  record Scalar(String text, Location location, boolean quoted) implements YamlNode {
    public Scalar(String text, Location location) {
      this(text, location, false);
    }
  }

  record Sequence(List<YamlNode> items, Location location) implements YamlNode {}

  /** A mapping in file order; {@code keys} holds each key's own location. */
  record Mapping(Map<String, YamlNode> values, Map<String, Location> keys, Location location)
      implements YamlNode {}

  /** What a person would call this kind of value, for messages. */
  default String kind() {
    if (this instanceof Scalar s) {
      return s.text() == null ? "nothing" : "a single value";
    }
    return this instanceof Sequence ? "a list" : "a mapping";
  }
}
