package dev.socketdesk.core.spec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The writers of the spec records' values, the inverse of {@link SpecValueReaders}. */
final class SpecValueWriters {
  private SpecValueWriters() {}

  /**
   * Writes a list of texts as one text, separated by a comma and a space (see {@link
   * SpecValueReaders.Groups}).
   */
  static final class Joined extends JsonSerializer<List<String>> {
    @Override
    public void serialize(List<String> list, JsonGenerator g, SerializerProvider s)
        throws IOException {
      g.writeString(String.join(", ", list));
    }
  }

  /** Writes a duration as a number in the field's unit (see {@link DurationValue}). */
  static final class DurationWriter extends JsonSerializer<Duration> {
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

  static final class ToStringWriter<T> extends JsonSerializer<T> {
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
  static final class CodeWriter<T extends Enum<T>> extends JsonSerializer<T> {
    @Override
    public void serialize(T value, JsonGenerator g, SerializerProvider s) throws IOException {
      g.writeString(value.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
  }
}
