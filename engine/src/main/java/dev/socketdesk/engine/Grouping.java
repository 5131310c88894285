package dev.socketdesk.engine;

import java.time.Duration;
import java.util.Arrays;

/**
 * How received bytes are grouped into messages (分包), for links without message boundaries such as a
 * serial port or a TCP stream: a message ends when the line has been idle for {@code idle}, right
 * after {@code delimiter}, or at {@code maxBytes}, whichever comes first. Datagrams are messages
 * already and are never grouped.
 *
 * @param idle end a message after this long without new bytes; zero for no idle grouping.
 * @param delimiter end a message right after these bytes (kept in the message); empty for none.
 * @param maxBytes end a message at this size, so a group never holds more.
 */
public record Grouping(Duration idle, byte[] delimiter, int maxBytes) {
  /** The largest group by default: 64 KiB. */
  public static final int DEFAULT_MAX_BYTES = 64 * 1024;

  /** The longest idle time accepted: one minute. */
  public static final Duration MAX_IDLE = Duration.ofMinutes(1);

  /** The longest delimiter accepted. */
  public static final int MAX_DELIMITER = 16;

  /** No grouping: every read is passed on as it arrives. */
  public static final Grouping NONE = new Grouping(Duration.ZERO, new byte[0], DEFAULT_MAX_BYTES);

  public Grouping {
    idle = idle == null ? Duration.ZERO : idle;
    if (idle.isNegative() || idle.compareTo(MAX_IDLE) > 0) {
      throw new IllegalArgumentException(
          "idle time " + idle.toMillis() + " ms is out of range; use 0 (off) up to 60000 ms");
    }
    delimiter = delimiter == null ? new byte[0] : delimiter.clone();
    if (delimiter.length > MAX_DELIMITER) {
      throw new IllegalArgumentException(
          "a delimiter of "
              + delimiter.length
              + " bytes is too long; use at most "
              + MAX_DELIMITER);
    }
    if (maxBytes < 1 || maxBytes > 16 << 20) {
      throw new IllegalArgumentException(
          "maximum message size " + maxBytes + " is out of range; use 1 up to 16777216 bytes");
    }
  }

  /** Group by idle time only. */
  public static Grouping idle(Duration idle) {
    return new Grouping(idle, null, DEFAULT_MAX_BYTES);
  }

  /** Group at a delimiter only. */
  public static Grouping delimiter(byte[] delimiter) {
    return new Grouping(Duration.ZERO, delimiter, DEFAULT_MAX_BYTES);
  }

  /**
   * The default idle time at a line speed: 20 ms at 115200 baud, scaled inversely with the speed
   * (240 ms at 9600), and kept between 1 ms and 1 s.
   */
  public static Duration defaultIdle(int baud) {
    long micros = 20_000L * 115_200 / Math.max(1, baud);
    return Duration.ofNanos(Math.max(1_000, Math.min(1_000_000, micros)) * 1_000);
  }

  public Grouping withIdle(Duration idle) {
    return new Grouping(idle, delimiter, maxBytes);
  }

  public Grouping withDelimiter(byte[] delimiter) {
    return new Grouping(idle, delimiter, maxBytes);
  }

  public Grouping withMaxBytes(int maxBytes) {
    return new Grouping(idle, delimiter, maxBytes);
  }

  @Override
  public byte[] delimiter() {
    return delimiter.clone();
  }

  /** The delimiter's length, without copying it. */
  public int delimiterLength() {
    return delimiter.length;
  }

  /** True when reads pass unchanged: no idle time and no delimiter. */
  public boolean isNone() {
    return idle.isZero() && delimiter.length == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Grouping g
        && idle.equals(g.idle)
        && Arrays.equals(delimiter, g.delimiter)
        && maxBytes == g.maxBytes;
  }

  @Override
  public int hashCode() {
    return (idle.hashCode() * 31 + Arrays.hashCode(delimiter)) * 31 + maxBytes;
  }

  @Override
  public String toString() {
    return "Grouping[idle=" + idle.toMillis() + "ms, delimiter=" + delimiter.length + " bytes]";
  }
}
