package dev.socketdesk.core.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import dev.socketdesk.engine.codec.AsciiNumbers;
import dev.socketdesk.engine.codec.Visible;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The readers of the spec records' values (see {@link SpecJson}): a number may come as a JSON
 * number or as text in the ASCII digits 0-9, blank text is a missing value, and a value of the
 * wrong JSON type is a {@link SpecException} naming its field.
 */
final class SpecValueReaders {
  /** Parsed durations stop only where a Duration does; each field checks its own maximum. */
  private static final Duration PARSE_LIMIT = Duration.ofMillis(Long.MAX_VALUE);

  private SpecValueReaders() {}

  /** The field being read: its property name, or null inside a list. */
  private static String field(JsonParser p) {
    try {
      return p.currentName();
    } catch (IOException e) {
      return null;
    }
  }

  private static SpecException wrongType(JsonParser p, String expected) {
    return SpecException.of(
        field(p), "must be " + expected + ", not " + SpecJson.kind(p.currentToken()));
  }

  /** Text as given; blank means missing. */
  private static String textOrNull(JsonParser p) throws IOException {
    String text = p.getText();
    return text == null || text.isBlank() ? null : text;
  }

  /** A whole number, as a JSON number or as ASCII digits; a fraction or a too large value fails. */
  static final class Whole<T> extends JsonDeserializer<T> {
    private final long min;
    private final long max;
    private final Function<Long, T> box;

    Whole(long min, long max, Function<Long, T> box) {
      this.min = min;
      this.max = max;
      this.box = box;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      String text;
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        text = p.getText();
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
          double d = p.getDoubleValue();
          if (d != Math.rint(d) || Math.abs(d) >= 0x1p63) {
            throw SpecException.of(field(p), text + " is not a whole number in range; use digits");
          }
          return inRange(p, (long) d, text);
        }
      } else if (t == JsonToken.VALUE_STRING) {
        text = textOrNull(p);
        if (text == null) {
          return null;
        }
      } else {
        throw wrongType(p, "a whole number");
      }
      String s = text.strip();
      boolean negative = s.startsWith("-");
      String digits = negative ? s.substring(1) : s;
      if (!AsciiNumbers.isDigits(digits)) {
        throw SpecException.of(
            field(p),
            "'"
                + Visible.of(text)
                + "' is not a whole number"
                + (AsciiNumbers.hasOtherDigits(s) ? "; write it with the ASCII digits 0-9" : ""));
      }
      long n = AsciiNumbers.parse(digits, Long.MAX_VALUE);
      if (n == Long.MAX_VALUE) {
        throw SpecException.of(field(p), s + " is too large");
      }
      return inRange(p, negative ? -n : n, s);
    }

    private T inRange(JsonParser p, long n, String text) {
      if (n < min || n > max) {
        throw SpecException.of(field(p), text + " is too large");
      }
      return box.apply(n);
    }
  }

  /** A decimal number, as a JSON number or as ASCII digits with an optional fraction. */
  static final class Decimal extends JsonDeserializer<Double> {
    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        double d = p.getDoubleValue();
        if (Double.isInfinite(d)) {
          throw SpecException.of(field(p), p.getText() + " is too large");
        }
        return d;
      }
      if (t != JsonToken.VALUE_STRING) {
        throw wrongType(p, "a number");
      }
      String text = textOrNull(p);
      return text == null ? null : Decimals.parse(text, field(p));
    }
  }

  /** {@code true} or {@code false}, nothing else. */
  static final class Flag extends JsonDeserializer<Boolean> {
    @Override
    public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return switch (p.currentToken()) {
        case VALUE_TRUE -> true;
        case VALUE_FALSE -> false;
        default -> throw wrongType(p, "true or false");
      };
    }
  }

  /** Text; a number or true/false is taken as its text (forms and YAML write them bare). */
  static final class Text extends JsonDeserializer<String> {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t != null && t.isScalarValue()) {
        return p.getText();
      }
      throw wrongType(p, "text");
    }
  }

  /**
   * A duration: text as {@link Durations} reads it, or a number in the field's unit, which its name
   * says: {@code intervalMs} is in milliseconds, anything else ({@code durationS}, {@code
   * connectTimeoutS}, {@code interval}) in seconds.
   */
  static final class DurationValue extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String field = field(p);
      String unit = field != null && field.endsWith("Ms") ? "ms" : "s";
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        return Durations.ofNumber(p.getDoubleValue(), unit, field, PARSE_LIMIT);
      }
      if (t != JsonToken.VALUE_STRING) {
        throw wrongType(p, "a duration such as 500ms or 2s");
      }
      String text = textOrNull(p);
      return text == null ? null : Durations.parse(text, field, PARSE_LIMIT, unit);
    }
  }

  /** Text read by one of the engine's parsers, whose message names the value and the choices. */
  static final class Parsed<T> extends JsonDeserializer<T> {
    private final Function<String, T> parse;

    Parsed(Function<String, T> parse) {
      this.parse = parse;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw wrongType(p, "text");
      }
      String text = textOrNull(p);
      if (text == null) {
        return null;
      }
      try {
        return parse.apply(text.strip());
      } catch (IllegalArgumentException e) {
        throw SpecException.worded(field(p), e.getMessage());
      }
    }
  }

  /**
   * A list of texts: a JSON list, or one text split at {@code separators} (a form's text area or
   * comma-separated field); each element is split the same way. Empty parts are dropped.
   */
  static final class TextList extends JsonDeserializer<List<String>> {
    private final String separators;

    TextList(String separators) {
      this.separators = separators;
    }

    @Override
    public List<String> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String field = field(p);
      List<String> out = new ArrayList<>();
      if (p.currentToken() == JsonToken.START_ARRAY) {
        int i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
          if (t == null || !t.isScalarValue()) {
            throw SpecException.of(field + "[" + i + "]", "must be text, not " + SpecJson.kind(t));
          }
          split(p.getText(), out);
        }
      } else if (p.currentToken().isScalarValue()) {
        split(p.getText(), out);
      } else {
        throw wrongType(p, "a list or text");
      }
      return out;
    }

    private void split(String text, List<String> out) {
      for (String part : text.split(separators)) {
        if (!part.isEmpty()) {
          out.add(part);
        }
      }
    }
  }

  /** Multicast groups: separated by commas or white space. */
  static final class Groups extends JsonDeserializer<List<String>> {
    private final TextList list = new TextList("[,\\s]+");

    @Override
    public List<String> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return list.deserialize(p, ctxt);
    }
  }

  /** Payloads: one per line. */
  static final class Lines extends JsonDeserializer<List<String>> {
    private final TextList list = new TextList("\\R");

    @Override
    public List<String> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return list.deserialize(p, ctxt);
    }
  }
}
