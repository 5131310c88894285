package dev.socketdesk.core.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.Grouping;
import dev.socketdesk.engine.SerialConfig;
import dev.socketdesk.engine.Session;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A serial port. JSON: {@code {"type": "serial", "path": "/dev/ttyUSB0", "baud": 115200,
 * "dataBits": 8, "parity": "none", "stopBits": "1", "flow": "none", "dtr": true, "rts": true,
 * "reconnect": false, "groupIdleMs": 20}}.
 *
 * @param path the port's path or name; required.
 * @param baud any positive whole number; default 115200.
 * @param dataBits 5 to 8; default 8.
 * @param parity none, odd, even, mark or space; default none.
 * @param stopBits 1, 1.5 or 2; default 1.
 * @param flow none, rts-cts or xon-xoff; default none.
 * @param dtr DTR once open; default true.
 * @param rts RTS once open; default true.
 * @param reconnect open the port again when it cannot be opened or disappears; default false.
 * @param groupIdleMs received bytes without a pause this long are one message; 0 for off; default
 *     20 ms at 115200 baud, scaled with the speed.
 */
public record SerialSpec(
    String path,
    Integer baud,
    Integer dataBits,
    String parity,
    String stopBits,
    String flow,
    Boolean dtr,
    Boolean rts,
    Boolean reconnect,
    Integer groupIdleMs)
    implements SessionSpec {
  public static final String TYPE = "serial";

  public SerialSpec {
    if (path == null || path.isBlank()) {
      throw SpecException.of("path", "is missing: give the serial port, e.g. /dev/ttyUSB0 or COM3");
    }
    path = path.strip();
    baud = baud == null ? 115_200 : baud;
    if (baud < 1) {
      throw SpecException.of("baud", baud + " is not a speed; use e.g. 9600 or 115200");
    }
    dataBits = Specs.whole("dataBits", dataBits, 8, 5, 8);
    parity =
        parse("parity", parity, "none", SerialConfig.Parity::parse).name().toLowerCase(Locale.ROOT);
    stopBits = parse("stopBits", stopBits, "1", SerialConfig.StopBits::parse).label();
    flow = parse("flow", flow, "none", SerialConfig.FlowControl::parse).label();
    dtr = dtr == null || dtr;
    rts = rts == null || rts;
    reconnect = Specs.flag(reconnect);
    groupIdleMs =
        Specs.whole(
            "groupIdleMs",
            groupIdleMs,
            (int) Grouping.defaultIdle(baud).toMillis(),
            0,
            (int) Grouping.MAX_IDLE.toMillis());
  }

  private static <T> T parse(
      String field, String value, String fallback, java.util.function.Function<String, T> parser) {
    String text = value == null || value.isBlank() ? fallback : value;
    return worded(field, () -> parser.apply(text));
  }

  private static <T> T worded(String field, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw SpecException.worded(field, e.getMessage());
    }
  }

  @Override
  @JsonIgnore
  public String type() {
    return TYPE;
  }

  @Override
  public boolean reconnects() {
    return reconnect;
  }

  /** The engine's config for this spec. */
  public SerialConfig config(AutoActions actions) {
    Grouping grouping =
        groupIdleMs == 0 ? Grouping.NONE : Grouping.idle(Duration.ofMillis(groupIdleMs));
    return SerialConfig.open(path, baud)
        .withFrame(
            dataBits, SerialConfig.Parity.parse(parity), SerialConfig.StopBits.parse(stopBits))
        .withFlow(SerialConfig.FlowControl.parse(flow))
        .withLines(dtr, rts)
        .withReconnect(reconnect)
        .withGrouping(grouping)
        .withActions(actions);
  }

  @Override
  @JsonIgnore
  public Session create(Engine engine, AutoActions actions) {
    return engine.serial(config(actions));
  }
}
