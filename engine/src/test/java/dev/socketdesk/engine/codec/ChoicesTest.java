package dev.socketdesk.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChoicesTest {
  @Test
  void lineEndingsParseAndGiveTheirBytes() {
    assertThat(LineEnding.parse("none").bytes()).isEmpty();
    assertThat(LineEnding.parse("CR").bytes()).containsExactly('\r');
    assertThat(LineEnding.parse("Lf").bytes()).containsExactly('\n');
    assertThat(LineEnding.parse(" crlf ").bytes()).containsExactly('\r', '\n');
    assertThat(LineEnding.CRLF.length()).isEqualTo(2);
  }

  @Test
  void lineEndingBytesAreACopy() {
    LineEnding.CRLF.bytes()[0] = 'X';
    assertThat(LineEnding.CRLF.bytes()).containsExactly('\r', '\n');
  }

  @Test
  void badLineEndingNamesTheValueAndTheChoices() {
    assertThatThrownBy(() -> LineEnding.parse("\\r\\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown line ending '\\r\\n'; use none, cr, lf or crlf");
  }

  @Test
  void displayModesParse() {
    assertThat(DisplayMode.parse("text")).isEqualTo(DisplayMode.TEXT);
    assertThat(DisplayMode.parse("HEX")).isEqualTo(DisplayMode.HEX);
    assertThat(DisplayMode.parse("Both")).isEqualTo(DisplayMode.BOTH);
    assertThatThrownBy(() -> DisplayMode.parse("binary"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown display mode 'binary'; use text, hex or both");
  }

  @Test
  void payloadModesParse() {
    assertThat(PayloadMode.parse("Text")).isEqualTo(PayloadMode.TEXT);
    assertThat(PayloadMode.parse("hex")).isEqualTo(PayloadMode.HEX);
    assertThatThrownBy(() -> PayloadMode.parse(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown payload mode ''; use text or hex");
  }
}
