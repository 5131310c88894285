package dev.socketdesk.bench;

import dev.socketdesk.engine.codec.Hex;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Hex parse and format of the spaced form ("48 65 6C"), against the JDK's {@link HexFormat} with a
 * space delimiter as the reference (which accepts only exactly that form).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HexBenchmark {
  private static final HexFormat JDK = HexFormat.ofDelimiter(" ").withUpperCase();

  @Param({"64", "65536"})
  public int size;

  private byte[] data;
  private String spaced;

  @Setup
  public void setUp() {
    data = Payloads.randomBytes(size, 11);
    spaced = Hex.format(data);
  }

  @Benchmark
  public byte[] parse() {
    return Hex.parse(spaced);
  }

  @Benchmark
  public byte[] parseReferenceJdkHexFormat() {
    return JDK.parseHex(spaced);
  }

  @Benchmark
  public String format() {
    return Hex.format(data);
  }

  @Benchmark
  public String formatReferenceJdkHexFormat() {
    return JDK.formatHex(data);
  }
}
