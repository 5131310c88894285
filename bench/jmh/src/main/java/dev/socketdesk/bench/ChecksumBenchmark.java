package dev.socketdesk.bench;

import dev.socketdesk.engine.codec.Checksum;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Every checksum, with references: the bit-by-bit CRC-16 loops found in board tutorials, and the
 * JDK's {@link CRC32} called directly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChecksumBenchmark {
  @Param({"64", "65536"})
  public int size;

  private byte[] data;

  @Setup
  public void setUp() {
    data = Payloads.randomBytes(size, 23);
  }

  @Benchmark
  public long sum8() {
    return Checksum.SUM8.value(data, 0, data.length);
  }

  @Benchmark
  public long xor8() {
    return Checksum.XOR8.value(data, 0, data.length);
  }

  @Benchmark
  public long crc16Modbus() {
    return Checksum.CRC16_MODBUS.value(data, 0, data.length);
  }

  @Benchmark
  public long crc16ModbusReferenceBitwise() {
    int crc = 0xFFFF;
    for (byte b : data) {
      crc ^= b & 0xFF;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
      }
    }
    return crc;
  }

  @Benchmark
  public long crc16CcittFalse() {
    return Checksum.CRC16_CCITT_FALSE.value(data, 0, data.length);
  }

  @Benchmark
  public long crc16CcittFalseReferenceBitwise() {
    int crc = 0xFFFF;
    for (byte b : data) {
      crc ^= (b & 0xFF) << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
      }
    }
    return crc;
  }

  @Benchmark
  public long crc32() {
    return Checksum.CRC32.value(data, 0, data.length);
  }

  @Benchmark
  public long crc32ReferenceJdk() {
    CRC32 crc = new CRC32();
    crc.update(data, 0, data.length);
    return crc.getValue();
  }
}
