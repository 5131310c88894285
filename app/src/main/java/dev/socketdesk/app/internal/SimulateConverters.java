package dev.socketdesk.app.internal;

import dev.socketdesk.engine.codec.AsciiNumbers;
import dev.socketdesk.engine.codec.Visible;
import dev.socketdesk.engine.simulate.Profile;
import dev.socketdesk.engine.simulate.SensorFormat;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters for the options of {@code socketdesk simulate}. */
public final class SimulateConverters {
  private SimulateConverters() {}

  /** A profile name. */
  public static final class ProfileName implements ITypeConverter<Profile> {
    @Override
    public Profile convert(String value) {
      return Converters.parsed(() -> Profile.parse(value));
    }
  }

  /** json or csv. */
  public static final class SensorFormatName implements ITypeConverter<SensorFormat> {
    @Override
    public SensorFormat convert(String value) {
      return Converters.parsed(() -> SensorFormat.parse(value));
    }
  }

  /** A duration, where 0 means as fast as possible. */
  public static final class IntervalOrZero implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return value.strip().equals("0") ? Duration.ZERO : Converters.parseDuration(value);
    }
  }

  /** Devices per second, 0 or more. */
  public static final class Rate implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      String text = value.strip();
      if (!text.matches("[0-9]+(\\.[0-9]+)?")) {
        throw new TypeConversionException(
            "--ramp '"
                + Visible.of(value)
                + "' is not a number; use devices per second, e.g. 500"
                + (AsciiNumbers.hasOtherDigits(text) ? ", written with the ASCII digits 0-9" : ""));
      }
      double rate = Double.parseDouble(text);
      if (Double.isInfinite(rate)) {
        throw new TypeConversionException(
            "--ramp " + text + " is too large; use 0 (as fast as possible) or more, e.g. 500");
      }
      return rate;
    }
  }
}
