package dev.socketdesk.engine;

import dev.socketdesk.engine.codec.AsciiNumbers;
import dev.socketdesk.engine.codec.Visible;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A serial port (UART), opened by its path ({@code /dev/ttyUSB0}, {@code COM3}, or a
 * pseudo-terminal such as socat's).
 *
 * @param path the port's path or name.
 * @param baud the line speed in bit/s; any positive integer the system accepts.
 * @param dataBits 5 to 8.
 * @param parity the parity bit.
 * @param stopBits the stop bits.
 * @param flow hardware, software or no flow control.
 * @param dtr whether DTR is set once the port is open.
 * @param rts whether RTS is set once the port is open (without RTS/CTS flow control).
 * @param reconnect when the port cannot be opened or disappears (a USB adapter pulled out), try
 *     again with exponential backoff from {@code reconnectMin} up to {@code reconnectMax}, until
 *     {@link Session#close()}.
 * @param grouping how received bytes are grouped into messages; by default by idle time, 20 ms at
 *     115200 baud, scaled with the speed ({@link Grouping#defaultIdle}).
 * @param actions automatic answers.
 */
public record SerialConfig(
    String path,
    int baud,
    int dataBits,
    Parity parity,
    StopBits stopBits,
    FlowControl flow,
    boolean dtr,
    boolean rts,
    boolean reconnect,
    Duration reconnectMin,
    Duration reconnectMax,
    Grouping grouping,
    AutoActions actions) {

  /** The parity bit. */
  public enum Parity {
    NONE,
    ODD,
    EVEN,
    MARK,
    SPACE;

    /** {@code none}, {@code odd}, {@code even}, {@code mark} or {@code space}. */
    public static Parity parse(String text) {
      for (Parity p : values()) {
        if (p.name().equalsIgnoreCase(text.strip())) {
          return p;
        }
      }
      throw new IllegalArgumentException(
          "parity '" + Visible.of(text) + "' is not one of none, odd, even, mark, space");
    }
  }

  /** The number of stop bits. */
  public enum StopBits {
    ONE("1"),
    ONE_AND_HALF("1.5"),
    TWO("2");

    private final String label;

    StopBits(String label) {
      this.label = label;
    }

    /** As written: {@code 1}, {@code 1.5}, {@code 2}. */
    public String label() {
      return label;
    }

    /** {@code 1}, {@code 1.5} or {@code 2}. */
    public static StopBits parse(String text) {
      for (StopBits bits : values()) {
        if (bits.label.equals(text.strip())) {
          return bits;
        }
      }
      throw new IllegalArgumentException(
          "stop bits '" + Visible.of(text) + "' is not 1, 1.5 or 2; most boards use 1");
    }
  }

  /** Flow control. */
  public enum FlowControl {
    NONE,
    RTS_CTS,
    XON_XOFF;

    /** As written: {@code none}, {@code rts-cts}, {@code xon-xoff}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code none}, {@code rts-cts} or {@code xon-xoff}. */
    public static FlowControl parse(String text) {
      for (FlowControl f : values()) {
        if (f.label().equalsIgnoreCase(text.strip())) {
          return f;
        }
      }
      throw new IllegalArgumentException(
          "flow control '" + Visible.of(text) + "' is not one of none, rts-cts, xon-xoff");
    }
  }

  /** A baud rate as written: a positive whole number. */
  public static int parseBaud(String text) {
    long baud = AsciiNumbers.parse(text.strip(), -1);
    if (baud < 1 || baud > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "baud rate '"
              + Visible.of(text)
              + "' is not a speed; use a whole number such as 9600 or 115200");
    }
    return (int) baud;
  }

  /** Data bits as written: 5 to 8. */
  public static int parseDataBits(String text) {
    long bits = AsciiNumbers.parse(text.strip(), -1);
    if (bits < 5 || bits > 8) {
      throw new IllegalArgumentException(
          "data bits '" + Visible.of(text) + "' is not 5, 6, 7 or 8; most boards use 8");
    }
    return (int) bits;
  }

  public SerialConfig {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException(
          "no serial port; give its path, e.g. /dev/ttyUSB0 or COM3");
    }
    if (baud < 1) {
      throw new IllegalArgumentException(
          "baud rate " + baud + " is not a speed; use a positive number such as 9600 or 115200");
    }
    if (dataBits < 5 || dataBits > 8) {
      throw new IllegalArgumentException(
          "data bits " + dataBits + " is out of range; use 5, 6, 7 or 8");
    }
    parity = parity == null ? Parity.NONE : parity;
    stopBits = stopBits == null ? StopBits.ONE : stopBits;
    flow = flow == null ? FlowControl.NONE : flow;
    reconnectMin = reconnectMin == null ? Duration.ofMillis(500) : reconnectMin;
    reconnectMax = reconnectMax == null ? Duration.ofSeconds(5) : reconnectMax;
    grouping = grouping == null ? Grouping.idle(Grouping.defaultIdle(baud)) : grouping;
    actions = actions == null ? AutoActions.NONE : actions;
  }

  /** 8N1 at {@code baud}, no flow control, DTR and RTS set, no reconnect, default grouping. */
  public static SerialConfig open(String path, int baud) {
    return new SerialConfig(
        path,
        baud,
        8,
        Parity.NONE,
        StopBits.ONE,
        FlowControl.NONE,
        true,
        true,
        false,
        null,
        null,
        null,
        null);
  }

  /** The frame format, e.g. {@code 8N1}, {@code 7E2}, {@code 8N1.5}. */
  public String frame() {
    return dataBits + parity.name().substring(0, 1) + stopBits.label();
  }

  public SerialConfig withFrame(int dataBits, Parity parity, StopBits stopBits) {
    return copy(
        c -> {
          c.dataBits = dataBits;
          c.parity = parity;
          c.stopBits = stopBits;
        });
  }

  public SerialConfig withFlow(FlowControl flow) {
    return copy(c -> c.flow = flow);
  }

  public SerialConfig withLines(boolean dtr, boolean rts) {
    return copy(
        c -> {
          c.dtr = dtr;
          c.rts = rts;
        });
  }

  public SerialConfig withReconnect(boolean reconnect) {
    return copy(c -> c.reconnect = reconnect);
  }

  public SerialConfig withReconnectBackoff(Duration min, Duration max) {
    return copy(
        c -> {
          c.reconnectMin = min;
          c.reconnectMax = max;
        });
  }

  public SerialConfig withGrouping(Grouping grouping) {
    return copy(c -> c.grouping = grouping);
  }

  public SerialConfig withActions(AutoActions actions) {
    return copy(c -> c.actions = actions);
  }

  /** This config with the fields {@code change} sets; the others as they are. */
  private SerialConfig copy(Consumer<Fields> change) {
    Fields f = new Fields(this);
    change.accept(f);
    return f.build();
  }

  /** The fields of a config being copied, for the {@code with} methods. */
  private static final class Fields {
    private String path;
    private int baud;
    private int dataBits;
    private Parity parity;
    private StopBits stopBits;
    private FlowControl flow;
    private boolean dtr;
    private boolean rts;
    private boolean reconnect;
    private Duration reconnectMin;
    private Duration reconnectMax;
    private Grouping grouping;
    private AutoActions actions;

    Fields(SerialConfig c) {
      path = c.path;
      baud = c.baud;
      dataBits = c.dataBits;
      parity = c.parity;
      stopBits = c.stopBits;
      flow = c.flow;
      dtr = c.dtr;
      rts = c.rts;
      reconnect = c.reconnect;
      reconnectMin = c.reconnectMin;
      reconnectMax = c.reconnectMax;
      grouping = c.grouping;
      actions = c.actions;
    }

    SerialConfig build() {
      return new SerialConfig(
          path,
          baud,
          dataBits,
          parity,
          stopBits,
          flow,
          dtr,
          rts,
          reconnect,
          reconnectMin,
          reconnectMax,
          grouping,
          actions);
    }
  }
}
