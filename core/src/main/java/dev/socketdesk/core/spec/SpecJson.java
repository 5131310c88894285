package dev.socketdesk.core.spec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.codec.AsciiNumbers;
import dev.socketdesk.engine.codec.Charsets;
import dev.socketdesk.engine.codec.Checksum;
import dev.socketdesk.engine.codec.LineEnding;
import dev.socketdesk.engine.codec.PayloadMode;
import dev.socketdesk.engine.codec.Visible;
import dev.socketdesk.engine.simulate.Profile;
import dev.socketdesk.engine.simulate.SensorFormat;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Jackson setup that fills the spec records. Forms send numbers as text, so a number may come
 * as a JSON number or as text in the ASCII digits 0-9 (fullwidth ８ is refused); blank text is a
 * missing value. Every failure becomes a {@link SpecException} naming the field by its path, e.g.
 * {@code rules[0].match}.
 */
final class SpecJson {
  /** Parsed durations stop only where a Duration does; each field checks its own maximum. */
  private static final Duration PARSE_LIMIT = Duration.ofMillis(Long.MAX_VALUE);

  /** The HTTP API's bodies: fields of other session kinds (the page sends them) are ignored. */
  static final ObjectMapper JSON =
      configure(JsonMapper.builder())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /** YAML documents are written by people: a misspelt key is an error there, not ignored. */
  static final ObjectMapper YAML =
      configure(YAMLMapper.builder())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private SpecJson() {}

  private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
    SimpleModule m = new SimpleModule("socketdesk-specs");
    m.addDeserializer(
        Integer.class, new Whole<>(Integer.MIN_VALUE, Integer.MAX_VALUE, Long::intValue));
    m.addDeserializer(Long.class, new Whole<>(Long.MIN_VALUE, Long.MAX_VALUE, n -> n));
    m.addDeserializer(Double.class, new Decimal());
    m.addDeserializer(Boolean.class, new Flag());
    m.addDeserializer(String.class, new Text());
    m.addDeserializer(Duration.class, new DurationValue());
    m.addDeserializer(HostPort.class, new Parsed<>(HostPort::parse));
    m.addDeserializer(Charset.class, new Parsed<>(Charsets::forName));
    m.addDeserializer(LineEnding.class, new Parsed<>(LineEnding::parse));
    m.addDeserializer(Checksum.class, new Parsed<>(Checksum::parse));
    m.addDeserializer(PayloadMode.class, new Parsed<>(PayloadMode::parse));
    m.addDeserializer(Profile.class, new Parsed<>(Profile::parse));
    m.addDeserializer(SensorFormat.class, new Parsed<>(SensorFormat::parse));
    m.addSerializer(Duration.class, new DurationWriter());
    m.addSerializer(HostPort.class, new ToStringWriter<>());
    m.addSerializer(Charset.class, new ToStringWriter<>());
    m.addSerializer(LineEnding.class, new CodeWriter<>());
    m.addSerializer(Checksum.class, new ToStringWriter<>(Checksum::cliName));
    m.addSerializer(PayloadMode.class, new CodeWriter<>());
    m.addSerializer(Profile.class, new ToStringWriter<>(Profile::cliName));
    m.addSerializer(SensorFormat.class, new CodeWriter<>());
    return builder
        .addModule(m)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * The failure behind a Jackson exception, as a {@link SpecException} naming the field by its
   * path: a {@code SpecException} or an engine parser's {@link IllegalArgumentException} thrown
   * while a value was read, a value of the wrong JSON type, an unknown session type, a syntax
   * error.
   */
  static SpecException translate(JacksonException e) {
    String path = e instanceof JsonMappingException m ? path(m.getPath()) : null;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SpecException s) {
        return placed(s, path);
      }
      if (t instanceof IllegalArgumentException iae && !(t instanceof JacksonException)) {
        return SpecException.worded(path, iae.getMessage());
      }
    }
    if (e instanceof InvalidTypeIdException) {
      return SpecException.of(
          path == null || path.isEmpty() ? "type" : path + ".type",
          "is missing or unknown; use " + SessionSpecs.kinds());
    }
    if (e instanceof MismatchedInputException m) {
      if (m.getPath().isEmpty()) {
        return SpecException.whole(
            "the body must be a JSON object, e.g. {\"type\": \"tcp-server\"}");
      }
      return SpecException.of(path, "must be " + expected(m.getTargetType()) + ", not " + kind(m));
    }
    if (e instanceof JsonMappingException && path != null && !path.isEmpty()) {
      return SpecException.of(path, "has a value that cannot be read: " + oneLine(e));
    }
    return SpecException.whole("the document is not valid YAML: " + oneLine(e));
  }

  /**
   * {@code s} at its full path: Jackson's {@code path} ends at the field whose value failed to read
   * ({@code multicast}), or at the object whose constructor failed ({@code rules[0]}).
   */
  private static SpecException placed(SpecException s, String path) {
    if (path == null || path.isEmpty()) {
      return s;
    }
    String field = s.field();
    if (field == null || path.equals(field) || path.endsWith("." + field)) {
      return s.at(path);
    }
    int dot = path.lastIndexOf('.');
    String last = path.substring(dot + 1);
    if (field.startsWith(last + "[") || field.startsWith(last + ".")) {
      return s.at(path.substring(0, dot + 1) + field);
    }
    return s.under(path);
  }

  private static String oneLine(JacksonException e) {
    String m = e.getOriginalMessage();
    m = m == null ? e.getClass().getSimpleName() : m;
    int nl = m.indexOf('\n');
    return Visible.of(nl < 0 ? m : m.substring(0, nl));
  }

  private static String path(List<JsonMappingException.Reference> refs) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class || type.isEnum() || type == Duration.class || type == HostPort.class) {
      return "text";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "an object";
  }

  private static String kind(MismatchedInputException m) {
    return m.getProcessor() instanceof JsonParser p ? kind(p.currentToken()) : "another type";
  }

  /** The JSON type of {@code token} in words. */
  static String kind(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case VALUE_STRING -> "text";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "true or false";
      case START_ARRAY, END_ARRAY -> "a list";
      case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
      case VALUE_NULL -> "null";
      default -> "another type";
    };
  }

  /** The field being read: its property name, or null inside a list. */
  private static String field(JsonParser p) {
    try {
      return p.currentName();
    } catch (IOException e) {
      return null;
    }
  }

  private static SpecException wrongType(JsonParser p, String expected) {
    return SpecException.of(field(p), "must be " + expected + ", not " + kind(p.currentToken()));
  }

  /** Text as given; blank means missing. */
  private static String textOrNull(JsonParser p) throws IOException {
    String text = p.getText();
    return text == null || text.isBlank() ? null : text;
  }

  /** A whole number, as a JSON number or as ASCII digits; a fraction or a too large value fails. */
  private static final class Whole<T> extends JsonDeserializer<T> {
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
  private static final class Decimal extends JsonDeserializer<Double> {
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
  private static final class Flag extends JsonDeserializer<Boolean> {
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
  private static final class Text extends JsonDeserializer<String> {
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
  private static final class DurationValue extends JsonDeserializer<Duration> {
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
  private static final class Parsed<T> extends JsonDeserializer<T> {
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
            throw SpecException.of(field + "[" + i + "]", "must be text, not " + kind(t));
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

  /** Writes a list of texts as one text, separated by a comma and a space (see {@link Groups}). */
  static final class Joined extends JsonSerializer<List<String>> {
    @Override
    public void serialize(List<String> list, JsonGenerator g, SerializerProvider s)
        throws IOException {
      g.writeString(String.join(", ", list));
    }
  }

  /** Writes a duration as a number in the field's unit (see {@link DurationValue}). */
  private static final class DurationWriter extends JsonSerializer<Duration> {
    @Override
    public void serialize(Duration d, JsonGenerator g, SerializerProvider s) throws IOException {
      String field = g.getOutputContext().getCurrentName();
      if (field != null && field.endsWith("Ms")) {
        g.writeNumber(d.toMillis());
      } else if (d.toMillis() % 1000 == 0) {
        g.writeNumber(d.toMillis() / 1000);
      } else {
        g.writeNumber(d.toMillis() / 1000.0);
      }
    }
  }

  private static final class ToStringWriter<T> extends JsonSerializer<T> {
    private final Function<T, String> text;

    ToStringWriter() {
      this(String::valueOf);
    }

    ToStringWriter(Function<T, String> text) {
      this.text = text;
    }

    @Override
    public void serialize(T value, JsonGenerator g, SerializerProvider s) throws IOException {
      g.writeString(text.apply(value));
    }
  }

  /**
   * An enum as its lower-case, dashed code, which its parser reads back: CRC16_MODBUS,
   * crc16-modbus.
   */
  private static final class CodeWriter<T extends Enum<T>> extends JsonSerializer<T> {
    @Override
    public void serialize(T value, JsonGenerator g, SerializerProvider s) throws IOException {
      g.writeString(value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
  }
}
