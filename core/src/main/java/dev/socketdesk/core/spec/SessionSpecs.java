package dev.socketdesk.core.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes specs: the HTTP API's JSON bodies and test scripts' YAML. Every failure is a
 * {@link SpecException} naming the field by its path ({@code localPort}, {@code rules[0].match}): a
 * body that is not an object, a value of the wrong type, an unknown kind or enum value, a missing
 * or out-of-range value. JSON ignores fields it does not know (the page sends the fields of every
 * kind); YAML refuses them, to catch misspelt keys.
 *
 * <pre>{@code
 * SessionSpec spec = SessionSpecs.readJson(body, SessionSpec.class);
 * Session session = spec.create(engine, AutoActions.NONE);
 * }</pre>
 */
public final class SessionSpecs {
  /** The session kinds, as {@link SessionSpec}'s {@link JsonSubTypes} names them. */
  private static final List<String> KINDS =
      Arrays.stream(SessionSpec.class.getAnnotation(JsonSubTypes.class).value())
          .map(JsonSubTypes.Type::name)
          .toList();

  private SessionSpecs() {}

  /** The session kinds in words, for messages: {@code tcp-server, tcp-client or udp}. */
  public static String kinds() {
    return String.join(", ", KINDS.subList(0, KINDS.size() - 1))
        + " or "
        + KINDS.get(KINDS.size() - 1);
  }

  /** Parses a JSON text into {@code type}, e.g. {@link SessionSpec} or {@link SimulationSpec}. */
  public static <T> T readJson(String json, Class<T> type) {
    return read(SpecJson.JSON, tree(SpecJson.JSON, json), type);
  }

  /** Parses a YAML document into {@code type}; unknown keys are errors. */
  public static <T> T readYaml(String yaml, Class<T> type) {
    return read(SpecJson.YAML, tree(SpecJson.YAML, yaml), type);
  }

  /** Parses a JSON object already read as a tree (one body read into several specs). */
  public static <T> T fromTree(JsonNode object, Class<T> type) {
    return read(SpecJson.JSON, object, type);
  }

  /** A JSON text as a tree, which must be an object. */
  public static ObjectNode jsonObject(String json) {
    return (ObjectNode) tree(SpecJson.JSON, json);
  }

  /** {@code spec} as JSON: the fields its reader takes, with the defaults filled in. */
  public static String toJson(Object spec) {
    try {
      return SpecJson.JSON.writeValueAsString(spec);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot write " + spec, e);
    }
  }

  /** {@code spec} as a JSON tree. */
  public static ObjectNode toTree(Object spec) {
    return SpecJson.JSON.valueToTree(spec);
  }

  private static JsonNode tree(ObjectMapper mapper, String text) {
    JsonNode node;
    try {
      node = text == null || text.isBlank() ? null : mapper.readTree(text);
    } catch (JacksonException e) {
      throw mapper == SpecJson.YAML
          ? SpecJson.translate(e)
          : SpecException.whole("the request body is not valid JSON");
    }
    if (node == null || !node.isObject()) {
      throw SpecException.whole(
          "the body must be a JSON object, e.g. {\"type\": \"tcp-server\", \"localPort\": 10000}");
    }
    return node;
  }

  private static <T> T read(ObjectMapper mapper, JsonNode node, Class<T> type) {
    if (node == null || !node.isObject()) {
      throw SpecException.whole("the body must be a JSON object");
    }
    if (type == SessionSpec.class) {
      node = normalizeType((ObjectNode) node);
    }
    try {
      return mapper.treeToValue(node, type);
    } catch (JacksonException e) {
      throw SpecJson.translate(e);
    } catch (IllegalArgumentException e) {
      throw e instanceof SpecException s ? s : SpecException.whole(e.getMessage());
    }
  }

  /** Session kinds are read case-insensitively, with _ for -: TCP_SERVER is tcp-server. */
  private static ObjectNode normalizeType(ObjectNode node) {
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual()) {
      if (type != null && !type.isNull()) {
        throw SpecException.of("type", "must be text: " + kinds());
      }
      throw SpecException.of("type", "is missing; use " + kinds());
    }
    String t = type.asText().strip().toLowerCase(Locale.ROOT).replace('_', '-');
    if (!KINDS.contains(t)) {
      throw SpecException.of("type", "'" + type.asText() + "' is unknown; use " + kinds());
    }
    ObjectNode copy = node.deepCopy();
    copy.set("type", TextNode.valueOf(t));
    return copy;
  }
}
