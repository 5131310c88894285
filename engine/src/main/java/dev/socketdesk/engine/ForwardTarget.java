package dev.socketdesk.engine;

import dev.socketdesk.engine.codec.Visible;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where a forward session relays each connection: a TCP server ({@code HOST:PORT}) or a serial port
 * ({@code serial:PATH?baud=115200}).
 */
public sealed interface ForwardTarget {
  /** A TCP server. */
  record Tcp(HostPort remote) implements ForwardTarget {
    @Override
    public String toString() {
      return remote.toString();
    }
  }

  /** A serial port; one connection at a time can hold it. */
  record Serial(SerialConfig config) implements ForwardTarget {
    @Override
    public String toString() {
      return "serial:" + config.path() + " " + config.baud() + " " + config.frame();
    }
  }

  /**
   * {@code HOST:PORT}, or {@code serial:PATH} with optional {@code ?baud=N&data-bits=N&parity=P
   * &stop-bits=S&flow=F} (115200 8N1 without flow control by default).
   *
   * @throws IllegalArgumentException naming what is wrong and the forms that work.
   */
  static ForwardTarget parse(String text) {
    String t = text.strip();
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.startsWith("serial:")) {
      return serial(t.substring("serial:".length()));
    }
    int scheme = lower.indexOf("://");
    if (scheme > 0) {
      throw new IllegalArgumentException(
          "forward target '"
              + Visible.of(t)
              + "': "
              + lower.substring(0, scheme)
              + ":// targets are not supported by this build; use HOST:PORT or"
              + " serial:PATH?baud=115200");
    }
    return new Tcp(HostPort.parse(t));
  }

  private static Serial serial(String spec) {
    int q = spec.indexOf('?');
    String path = q < 0 ? spec : spec.substring(0, q);
    if (path.isBlank()) {
      throw new IllegalArgumentException(
          "forward target 'serial:' has no port; use serial:/dev/ttyUSB0?baud=115200");
    }
    SerialConfig config = SerialConfig.open(path, 115_200);
    int baud = 115_200;
    int dataBits = 8;
    SerialConfig.Parity parity = SerialConfig.Parity.NONE;
    SerialConfig.StopBits stopBits = SerialConfig.StopBits.ONE;
    SerialConfig.FlowControl flow = SerialConfig.FlowControl.NONE;
    if (q >= 0) {
      for (String pair : spec.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        switch (key.toLowerCase(Locale.ROOT)) {
          case "baud" -> baud = SerialConfig.parseBaud(value);
          case "data-bits" -> dataBits = SerialConfig.parseDataBits(value);
          case "parity" -> parity = SerialConfig.Parity.parse(value);
          case "stop-bits" -> stopBits = SerialConfig.StopBits.parse(value);
          case "flow" -> flow = SerialConfig.FlowControl.parse(value);
          default ->
              throw new IllegalArgumentException(
                  "unknown serial setting '"
                      + Visible.of(key)
                      + "' in the forward target; use baud, data-bits, parity, stop-bits or flow");
        }
      }
    }
    return new Serial(
        new SerialConfig(
            config.path(),
            baud,
            dataBits,
            parity,
            stopBits,
            flow,
            true,
            true,
            false,
            null,
            null,
            Grouping.NONE,
            null));
  }
}
