package dev.socketdesk.app.internal;

import dev.socketdesk.engine.SerialConfig;
import dev.socketdesk.engine.SerialConfig.FlowControl;
import dev.socketdesk.engine.SerialConfig.Parity;
import dev.socketdesk.engine.SerialConfig.StopBits;
import dev.socketdesk.engine.codec.Visible;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters of the serial settings; the engine parses them, with its wording. */
public final class SerialConverters {
  private SerialConverters() {}

  /** A baud rate: any positive integer; the system says when opening whether it takes it. */
  public static final class Baud implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return Converters.parsed(() -> SerialConfig.parseBaud(value));
    }
  }

  /** 5 to 8. */
  public static final class DataBits implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return Converters.parsed(() -> SerialConfig.parseDataBits(value));
    }
  }

  /** none, odd, even, mark, space. */
  public static final class ParityBit implements ITypeConverter<Parity> {
    @Override
    public Parity convert(String value) {
      return Converters.parsed(() -> Parity.parse(value));
    }
  }

  /** 1, 1.5, 2. */
  public static final class Stop implements ITypeConverter<StopBits> {
    @Override
    public StopBits convert(String value) {
      return Converters.parsed(() -> StopBits.parse(value));
    }
  }

  /** none, rts-cts, xon-xoff. */
  public static final class Flow implements ITypeConverter<FlowControl> {
    @Override
    public FlowControl convert(String value) {
      return Converters.parsed(() -> FlowControl.parse(value));
    }
  }

  /** on or off. */
  public static final class OnOff implements ITypeConverter<Boolean> {
    @Override
    public Boolean convert(String value) {
      return switch (value.strip().toLowerCase(Locale.ROOT)) {
        case "on", "1" -> true;
        case "off", "0" -> false;
        default ->
            throw new TypeConversionException("'" + Visible.of(value) + "' is not on or off");
      };
    }
  }
}
