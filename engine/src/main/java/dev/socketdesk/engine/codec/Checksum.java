package dev.socketdesk.engine.codec;

import java.util.Locale;
import java.util.Objects;

/**
 * A checksum appended after a payload. Check values over the ASCII bytes {@code 123456789}: sum8
 * 0xDD, xor8 0x31, CRC-16/MODBUS 0x4B37 (sent as {@code 37 4B}), CRC-16/CCITT-FALSE 0x29B1 (sent as
 * {@code 29 B1}), CRC-32 0xCBF43926 (sent as {@code CB F4 39 26}). The CRC-16s are table-driven;
 * CRC-32 uses the JDK's intrinsic {@link java.util.zip.CRC32}. Stateless and thread-safe.
 */
public enum Checksum {
  /** Nothing appended. */
  NONE("none", 0) {
    @Override
    long calculate(byte[] d, int from, int to) {
      return 0;
    }
  },
  /** The sum of the bytes modulo 256, one byte. */
  SUM8("sum8", 1) {
    @Override
    long calculate(byte[] d, int from, int to) {
      int sum = 0;
      for (int i = from; i < to; i++) {
        sum += d[i];
      }
      return sum & 0xFF;
    }
  },
  /** The XOR of the bytes, one byte. */
  XOR8("xor8", 1) {
    @Override
    long calculate(byte[] d, int from, int to) {
      int xor = 0;
      for (int i = from; i < to; i++) {
        xor ^= d[i];
      }
      return xor & 0xFF;
    }
  },
  /** CRC-16/MODBUS (poly 0x8005 reflected, init 0xFFFF), appended low byte first. */
  CRC16_MODBUS("crc16-modbus", 2) {
    @Override
    long calculate(byte[] d, int from, int to) {
      int crc = 0xFFFF;
      for (int i = from; i < to; i++) {
        crc = (crc >>> 8) ^ Tables.MODBUS[(crc ^ d[i]) & 0xFF];
      }
      return crc;
    }

    @Override
    void write(long value, byte[] target, int offset) {
      target[offset] = (byte) value;
      target[offset + 1] = (byte) (value >>> 8);
    }
  },
  /** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, not reflected), appended high byte first. */
  CRC16_CCITT_FALSE("crc16-ccitt", 2) {
    @Override
    long calculate(byte[] d, int from, int to) {
      int crc = 0xFFFF;
      for (int i = from; i < to; i++) {
        crc = ((crc << 8) & 0xFFFF) ^ Tables.CCITT[((crc >>> 8) ^ d[i]) & 0xFF];
      }
      return crc;
    }
  },
  /** CRC-32 (IEEE 802.3, as zip and Ethernet), appended high byte first. */
  CRC32("crc32", 4) {
    @Override
    long calculate(byte[] d, int from, int to) {
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(d, from, to - from);
      return crc.getValue();
    }
  };

  private final String cliName;
  private final int width;

  Checksum(String cliName, int width) {
    this.cliName = cliName;
    this.width = width;
  }

  abstract long calculate(byte[] d, int from, int to);

  /** Writes {@code width()} bytes of {@code value}, high byte first unless overridden. */
  void write(long value, byte[] target, int offset) {
    for (int i = 0; i < width; i++) {
      target[offset + i] = (byte) (value >>> (8 * (width - 1 - i)));
    }
  }

  /** The checksum of {@code len} bytes of {@code d} from {@code off}, as an unsigned number. */
  public long value(byte[] d, int off, int len) {
    Objects.checkFromIndexSize(off, len, d.length);
    return calculate(d, off, off + len);
  }

  /** The bytes to append for {@code len} bytes of {@code d} from {@code off}, in wire order. */
  public byte[] compute(byte[] d, int off, int len) {
    byte[] result = new byte[width];
    write(value(d, off, len), result, 0);
    return result;
  }

  /** The bytes to append for all of {@code d}, in wire order; empty for {@link #NONE}. */
  public byte[] compute(byte[] d) {
    return compute(d, 0, d.length);
  }

  /** Writes the checksum of {@code d[0, len)} into {@code d[len, len + width())}. */
  void appendInPlace(byte[] d, int len) {
    if (width > 0) {
      write(calculate(d, 0, len), d, len);
    }
  }

  /** The number of bytes appended: 0, 1, 2 or 4. */
  public int width() {
    return width;
  }

  /** The command-line name: none, sum8, xor8, crc16-modbus, crc16-ccitt, crc32. */
  public String cliName() {
    return cliName;
  }

  /**
   * Parses a {@link #cliName()}, case-insensitive.
   *
   * @throws IllegalArgumentException with a one-line message naming the value and the choices.
   */
  public static Checksum parse(String text) {
    String name = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (Checksum checksum : values()) {
      if (checksum.cliName.equals(name)) {
        return checksum;
      }
    }
    throw new IllegalArgumentException(
        "unknown checksum '"
            + text
            + "'; use none, sum8, xor8, crc16-modbus, crc16-ccitt or crc32");
  }

  private static final class Tables {
    static final int[] MODBUS = new int[256];
    static final int[] CCITT = new int[256];

    static {
      for (int n = 0; n < 256; n++) {
        int reflected = n;
        for (int bit = 0; bit < 8; bit++) {
          reflected = (reflected & 1) != 0 ? (reflected >>> 1) ^ 0xA001 : reflected >>> 1;
        }
        MODBUS[n] = reflected;
        int normal = n << 8;
        for (int bit = 0; bit < 8; bit++) {
          normal =
              (normal & 0x8000) != 0 ? ((normal << 1) ^ 0x1021) & 0xFFFF : (normal << 1) & 0xFFFF;
        }
        CCITT[n] = normal;
      }
    }
  }
}
