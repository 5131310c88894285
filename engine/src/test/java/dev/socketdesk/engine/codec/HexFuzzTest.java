package dev.socketdesk.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.socketdesk.engine.testing.FuzzChecks;
import dev.socketdesk.engine.testing.FuzzInput;
import java.util.Locale;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz targets for {@link Hex}. In {@code mvn verify} they replay the committed inputs under {@code
 * src/test/resources/.../HexFuzzTestInputs/}; see docs/fuzzing.md to fuzz for real.
 */
@Timeout(10)
class HexFuzzTest {

  /**
   * Any text parses to bytes or fails with a one-line PayloadFormatException; parsing is stable.
   */
  @FuzzTest
  void parseFormatParseIsStable(byte[] input) {
    String text = FuzzInput.text(input);
    byte[] bytes;
    try {
      bytes = Hex.parse(text);
    } catch (PayloadFormatException e) {
      FuzzChecks.assertOneLineNaming(e, text.length());
      return;
    }
    assertThat(bytes.length).isLessThanOrEqualTo(text.length() / 2);
    assertThat(Hex.parse(Hex.format(bytes))).containsExactly(bytes);
    assertThat(Hex.parse(Hex.formatCompact(bytes))).containsExactly(bytes);
    assertThat(Hex.format(Hex.parse(Hex.format(bytes)))).isEqualTo(Hex.format(bytes));
  }

  /** Every byte string survives format then parse, in both output forms. */
  @FuzzTest
  void bytesSurviveFormatAndParse(byte[] bytes) {
    String spaced = Hex.format(bytes);
    assertThat(spaced).hasSize(bytes.length == 0 ? 0 : bytes.length * 3 - 1);
    assertThat(Hex.parse(spaced)).containsExactly(bytes);
    assertThat(Hex.parse(Hex.formatCompact(bytes))).containsExactly(bytes);
    assertThat(Hex.parse(Hex.formatCompact(bytes).toLowerCase(Locale.ROOT))).containsExactly(bytes);
  }
}
