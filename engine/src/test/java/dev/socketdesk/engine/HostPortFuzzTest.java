package dev.socketdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.socketdesk.engine.testing.FuzzChecks;
import dev.socketdesk.engine.testing.FuzzInput;
import org.junit.jupiter.api.Timeout;

/** Fuzz targets for {@link HostPort}, the {@code host:port} users type. */
@Timeout(10)
class HostPortFuzzTest {

  /**
   * Any text parses or fails with a plain IllegalArgumentException and one line; a parsed address
   * prints as text that parses to the same address, and its port was typed in ASCII digits.
   */
  @FuzzTest
  void parseFormatParseIsStable(byte[] input) {
    String text = FuzzInput.text(input);
    HostPort parsed;
    try {
      parsed = HostPort.parse(text);
    } catch (IllegalArgumentException e) {
      assertThat(e.getClass()).isEqualTo(IllegalArgumentException.class);
      FuzzChecks.assertOneLine(e.getMessage());
      return;
    }
    assertThat(parsed.port()).isBetween(1, 65535);
    assertThat(text.strip()).matches("(?s).*:\\p{javaWhitespace}*0*" + parsed.port());
    assertThat(HostPort.parse(parsed.toString())).isEqualTo(parsed);
    assertThat(parsed.toString()).isEqualTo(HostPort.parse(parsed.toString()).toString());
  }

  /** A port parses from ASCII digits only, or fails with one line. */
  @FuzzTest
  void portIsAsciiDigits(byte[] input) {
    String text = FuzzInput.text(input);
    int port;
    try {
      port = HostPort.parsePort(text, 0);
    } catch (IllegalArgumentException e) {
      assertThat(e.getClass()).isEqualTo(IllegalArgumentException.class);
      FuzzChecks.assertOneLine(e.getMessage());
      return;
    }
    assertThat(text.strip()).matches("[0-9]+");
    assertThat(HostPort.parsePort(Integer.toString(port), 0)).isEqualTo(port);
  }
}
