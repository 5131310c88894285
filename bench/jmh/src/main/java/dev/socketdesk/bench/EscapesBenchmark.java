package dev.socketdesk.bench;

import dev.socketdesk.engine.codec.Escapes;
import java.nio.charset.StandardCharsets;
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
 * Encoding a typed payload with escapes ({@code \r\n}, {@code \xHH}) in UTF-8, against the JDK's
 * {@code String.getBytes(UTF_8)} of the same text with the escapes already resolved.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EscapesBenchmark {
  @Param({"64", "65536"})
  public int size;

  private String escaped;
  private String resolved;

  @Setup
  public void setUp() {
    String text = Payloads.text(size, 47);
    escaped =
        text.replace("\\", "\\\\")
            .replace("\0", "\\0")
            .replace("\t", "\\t")
            .replace("\r", "\\r")
            .replace("\n", "\\x0A");
    resolved = text;
  }

  @Benchmark
  public byte[] encode() {
    return Escapes.encode(escaped, StandardCharsets.UTF_8);
  }

  @Benchmark
  public byte[] encodeReferenceJdkGetBytes() {
    return resolved.getBytes(StandardCharsets.UTF_8);
  }
}
