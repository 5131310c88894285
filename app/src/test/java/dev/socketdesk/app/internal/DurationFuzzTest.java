package dev.socketdesk.app.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.socketdesk.core.spec.Durations;
import dev.socketdesk.engine.testing.FuzzChecks;
import dev.socketdesk.engine.testing.FuzzInput;
import java.time.Duration;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine.TypeConversionException;

/** Fuzz targets for the durations of the command line ({@code --every}, {@code --wait}...). */
@Timeout(10)
class DurationFuzzTest {

  /**
   * Any text is a duration from 0 to the maximum or a one-line conversion error; a duration prints
   * as text that parses back to it.
   */
  @FuzzTest
  void parseFormatParseIsStable(byte[] input) {
    String text = FuzzInput.text(input);
    Duration d;
    try {
      d = Converters.parseDuration(text);
    } catch (TypeConversionException e) {
      FuzzChecks.assertOneLine(e.getMessage());
      return;
    }
    assertThat(d).isBetween(Duration.ZERO, Converters.MAX_DURATION);
    String shown = Durations.format(d);
    assertThat(Converters.parseDuration(shown)).isEqualTo(d);
    assertThat(Durations.format(Converters.parseDuration(shown))).isEqualTo(shown);
  }

  /** A connect timeout is 1ms to 10m or a one-line conversion error. */
  @FuzzTest
  void connectTimeoutStaysInRange(byte[] input) {
    String text = FuzzInput.text(input);
    Duration d;
    try {
      d = new Converters.ConnectTimeout().convert(text);
    } catch (TypeConversionException e) {
      FuzzChecks.assertOneLine(e.getMessage());
      return;
    }
    assertThat(d).isBetween(Duration.ofMillis(1), Converters.MAX_CONNECT_TIMEOUT);
    assertThat(new Converters.ConnectTimeout().convert(Durations.format(d))).isEqualTo(d);
  }
}
