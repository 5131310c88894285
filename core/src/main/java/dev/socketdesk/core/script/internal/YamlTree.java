package dev.socketdesk.core.script.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.socketdesk.core.script.Location;
import dev.socketdesk.core.script.ScriptException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into {@link YamlNode}s that remember their line and column. Jackson's own tree model
 * drops token locations, so the tree is built here from Jackson's YAML token stream.
 */
public final class YamlTree {
  private static final YAMLFactory FACTORY = YAMLFactory.builder().build();
  private static final int MAX_DEPTH = 64;

  private final String file;
  private final String text;

  private YamlTree(String file, String text) {
    this.file = file;
    this.text = text;
  }

  /**
   * Parses one YAML document.
   *
   * @throws ScriptException for a syntax error, a duplicate key, or nesting deeper than 64.
   */
  public static YamlNode parse(String file, String text) {
    YamlTree tree = new YamlTree(file, text);
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new ScriptException(
            new Location(file, 1, 1),
            "the file is empty; write a test with name, a link and steps");
      }
      return tree.read(parser, 0);
    } catch (JsonProcessingException e) {
      throw new ScriptException(
          tree.at(e.getLocation()),
          "not valid YAML ("
              + firstLine(e.getOriginalMessage())
              + "); check the indentation and quote values that hold ': ' or '#'");
    } catch (IOException e) {
      throw new ScriptException(new Location(file, 1, 1), "cannot read the script: " + e);
    }
  }

  private YamlNode read(JsonParser parser, int depth) throws IOException {
    Location at = at(parser.currentTokenLocation());
    if (depth > MAX_DEPTH) {
      throw new ScriptException(at, "nested deeper than " + MAX_DEPTH + " levels; flatten it");
    }
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, YamlNode> values = new LinkedHashMap<>();
        Map<String, Location> keys = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          Location keyAt = at(parser.currentTokenLocation());
          if (values.containsKey(key)) {
            throw new ScriptException(
                keyAt,
                "'"
                    + key
                    + "' appears twice here (first at line "
                    + keys.get(key).line()
                    + ")"
                    + "; keep one");
          }
          parser.nextToken();
          keys.put(key, keyAt);
          values.put(key, read(parser, depth + 1));
        }
        return new YamlNode.Mapping(values, keys, at);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(parser, depth + 1));
        }
        return new YamlNode.Sequence(items, at);
      }
      case VALUE_NULL -> {
        return new YamlNode.Scalar(null, at);
      }
      default -> {
        long offset = parser.currentTokenLocation().getCharOffset();
        boolean quoted =
            offset >= 0
                && offset < text.length()
                && (text.charAt((int) offset) == '"' || text.charAt((int) offset) == '\'');
        return new YamlNode.Scalar(parser.getText(), at, quoted);
      }
    }
  }

  private Location at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return new Location(file, 1, 1);
    }
    return new Location(file, location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "syntax error";
    }
    String line = message.strip().lines().findFirst().orElse("syntax error");
    return line.length() > 120 ? line.substring(0, 117) + "..." : line;
  }
}
