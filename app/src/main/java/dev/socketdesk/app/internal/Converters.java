package dev.socketdesk.app.internal;

import dev.socketdesk.core.spec.Durations;
import dev.socketdesk.core.spec.SpecException;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.codec.AsciiNumbers;
import dev.socketdesk.engine.codec.ByteSizes;
import dev.socketdesk.engine.codec.Charsets;
import dev.socketdesk.engine.codec.Checksum;
import dev.socketdesk.engine.codec.DisplayMode;
import dev.socketdesk.engine.codec.LineEnding;
import dev.socketdesk.engine.codec.Visible;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters. Each throws {@link TypeConversionException} with a one-line message. */
public final class Converters {
  /** The longest duration any option takes: {@code --every}, {@code --wait}, {@code --duration}. */
  public static final Duration MAX_DURATION = Durations.MAX_INTERVAL;

  /** The longest {@code --connect-timeout}; the system gives up on a connection long before. */
  public static final Duration MAX_CONNECT_TIMEOUT = Durations.MAX_CONNECT_TIMEOUT;

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

  /**
   * {@code 500ms}, {@code 1s}, {@code 1.5s}, {@code 2m}, {@code 1h}; a bare number is seconds. At
   * most {@link #MAX_DURATION}.
   */
  public static final class Interval implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return parseDuration(value);
    }
  }

  /** A connect timeout: a duration of 1ms to {@link #MAX_CONNECT_TIMEOUT}. */
  public static final class ConnectTimeout implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration timeout = parseDuration(value, "connect timeout", MAX_CONNECT_TIMEOUT);
      if (timeout.isZero()) {
        throw new TypeConversionException(
            "connect timeout '" + Visible.of(value) + "' is zero; use at least 1ms, e.g. 5s");
      }
      return timeout;
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
      return wholeNumber(value, 0, Long.MAX_VALUE, "0 or more, e.g. 10");
    }
  }

  /** A limit of 0 (none) or more. */
  public static final class Limit implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return (int) wholeNumber(value, 0, Integer.MAX_VALUE, "0 or more, e.g. 10");
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
      return (int) wholeNumber(value, 1, Integer.MAX_VALUE, "1 or more, e.g. 10");
    }
  }

  /**
   * A count of 1 or more given to {@code option}, which its messages name: {@code --jobs 0 is too
   * small; use 1 or more}.
   */
  public static int count(String option, String value) {
    try {
      return (int) wholeNumber(value, 1, Integer.MAX_VALUE, "1 or more, e.g. 10");
    } catch (TypeConversionException e) {
      throw new TypeConversionException(option + " " + e.getMessage());
    }
  }

  /**
   * A whole number from {@code min} to {@code max}, typed in the ASCII digits 0-9 (a leading {@code
   * -} is read, to say that the number is too small).
   */
  static long wholeNumber(String value, long min, long max, String use) {
    String text = value.strip();
    boolean negative = text.startsWith("-");
    String digits = negative ? text.substring(1) : text;
    if (!AsciiNumbers.isDigits(digits)) {
      throw new TypeConversionException(
          "'"
              + Visible.of(value)
              + "' is not a whole number; use "
              + use
              + (AsciiNumbers.hasOtherDigits(text) ? ", written with the ASCII digits 0-9" : ""));
    }
    long n = AsciiNumbers.parse(text, negative ? Long.MIN_VALUE : Long.MAX_VALUE);
    if ((negative && n != 0) || n < min) {
      throw new TypeConversionException(text + " is too small; use " + min + " or more");
    }
    if (n > max || n == Long.MAX_VALUE) {
      throw new TypeConversionException(text + " is too large; use at most " + max);
    }
    return n;
  }

  /**
   * Parses a duration of at most {@link #MAX_DURATION}; see {@link Interval}. The message names the
   * value only ({@code 'soon' is not a duration; ...}): the command line puts the option's name
   * before it.
   */
  public static Duration parseDuration(String value) {
    try {
      return Durations.parse(value, null, MAX_DURATION);
    } catch (SpecException e) {
      throw new TypeConversionException(e.problem());
    }
  }

  /**
   * Parses a duration of at most {@code max} with the core's one parser; {@code what} names it in
   * messages.
   *
   * @throws TypeConversionException with one line naming the value and the fix.
   */
  public static Duration parseDuration(String value, String what, Duration max) {
    try {
      return Durations.parse(value, what, max);
    } catch (SpecException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
