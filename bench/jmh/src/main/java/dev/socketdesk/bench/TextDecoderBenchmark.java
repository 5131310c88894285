package dev.socketdesk.bench;

import dev.socketdesk.engine.codec.Charsets;
import dev.socketdesk.engine.codec.TextDecoder;
import java.nio.charset.Charset;
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
 * Display decoding of received text with CR/LF, tabs, NULs, backslashes and an invalid byte about
 * every 64 bytes, against the JDK's {@code new String(bytes, charset)} as the reference (which
 * replaces invalid input with U+FFFD and escapes nothing).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TextDecoderBenchmark {
  @Param({"UTF-8", "GBK"})
  public String charsetName;

  @Param({"64", "65536"})
  public int size;

  private Charset charset;
  private byte[] data;
  private TextDecoder decoder;

  @Setup
  public void setUp() {
    charset = Charsets.forName(charsetName);
    data = Payloads.receivedBytes(size, charset, 31);
    decoder = new TextDecoder(charset);
  }

  @Benchmark
  public String decode() {
    String text = decoder.decode(data);
    decoder.flush();
    return text;
  }

  @Benchmark
  public String decodeReferenceJdkNewString() {
    return new String(data, charset);
  }
}
