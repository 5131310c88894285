package dev.socketdesk.app.internal;

import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.codec.ByteSizes;
import dev.socketdesk.engine.codec.Charsets;
import dev.socketdesk.engine.codec.Checksum;
import dev.socketdesk.engine.codec.DisplayMode;
import dev.socketdesk.engine.codec.LineEnding;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters. Each throws {@link TypeConversionException} with a one-line message. */
public final class Converters {
  private static final Pattern DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

  private Converters() {}

  /**
   * Runs a parser whose {@link IllegalArgumentException} message names the bad value and the fix,
   * as picocli's conversion error.
   */
  static <T> T parsed(Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  /** A local port: 0 (the system chooses) to 65535. */
  public static final class LocalPort implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return parsed(() -> HostPort.parsePort(value, 0));
    }
  }

  /** {@code HOST:PORT}, with IPv6 literals in brackets. */
  public static final class Remote implements ITypeConverter<HostPort> {
    @Override
    public HostPort convert(String value) {
      return parsed(() -> HostPort.parse(value));
    }
  }

  /** {@code 500ms}, {@code 1s}, {@code 1.5s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
  public static final class Interval implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return parseDuration(value);
    }
  }

  /** Any Java charset name or alias. */
  public static final class Encoding implements ITypeConverter<Charset> {
    @Override
    public Charset convert(String value) {
      return parsed(() -> Charsets.forName(value));
    }
  }

  /** none, cr, lf, crlf. */
  public static final class Ending implements ITypeConverter<LineEnding> {
    @Override
    public LineEnding convert(String value) {
      return parsed(() -> LineEnding.parse(value));
    }
  }

  /** none, sum8, xor8, crc16-modbus, crc16-ccitt, crc32. */
  public static final class Check implements ITypeConverter<Checksum> {
    @Override
    public Checksum convert(String value) {
      return parsed(() -> Checksum.parse(value));
    }
  }

  /** text, hex, both. */
  public static final class Shown implements ITypeConverter<DisplayMode> {
    @Override
    public DisplayMode convert(String value) {
      return parsed(() -> DisplayMode.parse(value));
    }
  }

  /** auto, lines, raw, none. */
  public static final class Input implements ITypeConverter<InputMode> {
    @Override
    public InputMode convert(String value) {
      try {
        return InputMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "input mode '" + value + "' is not known; use auto, lines, raw or none");
      }
    }
  }

  /** A count of 0 or more. */
  public static final class NonNegative implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      long n;
      try {
        n = Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a whole number; use 0 or more, e.g. 10");
      }
      if (n < 0) {
        throw new TypeConversionException(value + " is negative; use 0 or more");
      }
      return n;
    }
  }

  /** A limit of 0 (none) or more. */
  public static final class Limit implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      long n = new NonNegative().convert(value);
      if (n > Integer.MAX_VALUE) {
        throw new TypeConversionException(
            value + " is too large; use at most " + Integer.MAX_VALUE);
      }
      return (int) n;
    }
  }

  /** A size in bytes: {@code 100MB}, {@code 512k}, {@code 1048576}. */
  public static final class Size implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return parsed(() -> ByteSizes.parse(value));
    }
  }

  /** A count of 1 or more. */
  public static final class Positive implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int n;
      try {
        n = Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a whole number; use 1 or more, e.g. 10");
      }
      if (n < 1) {
        throw new TypeConversionException(value + " is too small; use 1 or more");
      }
      return n;
    }
  }

  /** Parses a duration; see {@link Interval}. */
  public static Duration parseDuration(String value) {
    String text = value == null ? "" : value.trim();
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new TypeConversionException(
          "duration '"
              + value
              + "' is not valid; use a number with ms, s, m or h, e.g. 500ms or 2s");
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
    double millis =
        switch (unit) {
          case "ms" -> amount;
          case "m" -> amount * 60_000;
          case "h" -> amount * 3_600_000;
          default -> amount * 1_000;
        };
    if (millis > Long.MAX_VALUE / 2) {
      throw new TypeConversionException("duration '" + value + "' is too long; use at most 1000h");
    }
    return Duration.ofMillis(Math.round(millis));
  }
}
