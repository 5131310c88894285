package dev.socketdesk.app.internal;

import dev.socketdesk.core.spec.Decimals;
import dev.socketdesk.core.spec.SpecException;
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
      try {
        return Decimals.parse(value, "ramp");
      } catch (SpecException e) {
        throw new TypeConversionException(
            e.describe("--ramp") + "; use devices per second, 0 for as fast as possible");
      }
    }
  }
}
