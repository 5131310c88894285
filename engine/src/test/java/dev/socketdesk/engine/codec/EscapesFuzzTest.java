package dev.socketdesk.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.socketdesk.engine.testing.FuzzChecks;
import dev.socketdesk.engine.testing.FuzzInput;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz targets for {@link Escapes}. The display text of {@link TextDecoder} uses the same escapes,
 * so showing bytes and typing the shown text back must give the same bytes.
 */
@Timeout(10)
class EscapesFuzzTest {

  /**
   * The first byte picks an offered encoding, the rest is the text. Any text in any offered
   * encoding encodes or fails with a one-line PayloadFormatException; the bytes, shown in
   * ISO-8859-1 (where every byte is one character) and typed back, are the same.
   */
  @FuzzTest
  void encodeShowEncodeIsStable(byte[] input) {
    FuzzInput data = new FuzzInput(input);
    Charset charset = Charsets.forName(data.pick(Charsets.OFFERED));
    String text = data.restAsText();
    byte[] bytes;
    try {
      bytes = Escapes.encode(text, charset);
    } catch (PayloadFormatException e) {
      FuzzChecks.assertOneLineNaming(e, text.length());
      return;
    }
    assertThat(
            Escapes.encode(shown(bytes, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1))
        .containsExactly(bytes);
  }

  /**
   * Received bytes shown in UTF-8 and typed back as escaped UTF-8 text are the same bytes, unless
   * they hold a C1 control, which the display writes as <code>&#92;u0085</code>: not an escape.
   */
  @FuzzTest
  void bytesShownInUtf8TypeBackTheSame(byte[] bytes) {
    String shown = shown(bytes, StandardCharsets.UTF_8);
    boolean hasC1 =
        new String(bytes, StandardCharsets.UTF_8).chars().anyMatch(c -> c >= 0x80 && c <= 0x9F);
    if (hasC1) {
      return;
    }
    assertThat(Escapes.encode(shown, StandardCharsets.UTF_8)).containsExactly(bytes);
  }

  private static String shown(byte[] bytes, Charset charset) {
    TextDecoder decoder = new TextDecoder(charset);
    return decoder.decode(bytes) + decoder.flush();
  }
}
