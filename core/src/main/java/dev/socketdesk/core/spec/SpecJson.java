package dev.socketdesk.core.spec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.codec.Charsets;
import dev.socketdesk.engine.codec.Checksum;
import dev.socketdesk.engine.codec.LineEnding;
import dev.socketdesk.engine.codec.PayloadMode;
import dev.socketdesk.engine.codec.Visible;
import dev.socketdesk.engine.simulate.Profile;
import dev.socketdesk.engine.simulate.SensorFormat;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The Jackson setup that fills the spec records. Forms send numbers as text, so a number may come
 * as a JSON number or as text in the ASCII digits 0-9 (fullwidth ８ is refused); blank text is a
 * missing value. Every failure becomes a {@link SpecException} naming the field by its path, e.g.
 * {@code rules[0].match}.
 */
final class SpecJson {
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
        Integer.class,
        new SpecValueReaders.Whole<>(Integer.MIN_VALUE, Integer.MAX_VALUE, Long::intValue));
    m.addDeserializer(
        Long.class, new SpecValueReaders.Whole<>(Long.MIN_VALUE, Long.MAX_VALUE, n -> n));
    m.addDeserializer(Double.class, new SpecValueReaders.Decimal());
    m.addDeserializer(Boolean.class, new SpecValueReaders.Flag());
    m.addDeserializer(String.class, new SpecValueReaders.Text());
    m.addDeserializer(Duration.class, new SpecValueReaders.DurationValue());
    m.addDeserializer(HostPort.class, new SpecValueReaders.Parsed<>(HostPort::parse));
    m.addDeserializer(Charset.class, new SpecValueReaders.Parsed<>(Charsets::forName));
    m.addDeserializer(LineEnding.class, new SpecValueReaders.Parsed<>(LineEnding::parse));
    m.addDeserializer(Checksum.class, new SpecValueReaders.Parsed<>(Checksum::parse));
    m.addDeserializer(PayloadMode.class, new SpecValueReaders.Parsed<>(PayloadMode::parse));
    m.addDeserializer(Profile.class, new SpecValueReaders.Parsed<>(Profile::parse));
    m.addDeserializer(SensorFormat.class, new SpecValueReaders.Parsed<>(SensorFormat::parse));
    m.addSerializer(Duration.class, new SpecValueWriters.DurationWriter());
    m.addSerializer(HostPort.class, new SpecValueWriters.ToStringWriter<>());
    m.addSerializer(Charset.class, new SpecValueWriters.ToStringWriter<>());
    m.addSerializer(LineEnding.class, new SpecValueWriters.CodeWriter<>());
    m.addSerializer(Checksum.class, new SpecValueWriters.ToStringWriter<>(Checksum::cliName));
    m.addSerializer(PayloadMode.class, new SpecValueWriters.CodeWriter<>());
    m.addSerializer(Profile.class, new SpecValueWriters.ToStringWriter<>(Profile::cliName));
    m.addSerializer(SensorFormat.class, new SpecValueWriters.CodeWriter<>());
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
}
