package dev.socketdesk.engine.codec;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscapesTest {
  private static final Charset GBK = Charset.forName("GBK");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a\\rb   | 61 0D 62",
        "a\\nb   | 61 0A 62",
        "a\\tb   | 61 09 62",
        "a\\\\b  | 61 5C 62",
        "a\\0b   | 61 00 62",
        "\\x48   | 48",
        "\\xff   | FF",
        "\\xFF   | FF",
        "\\xAb\\x0c | AB 0C",
        "\\x00\\x7F\\x80 | 00 7F 80",
        "\\r\\n  | 0D 0A",
        "\\\\x41 | 5C 78 34 31",
        "\\\\\\\\ | 5C 5C",
        "plain  | 70 6C 61 69 6E"
      })
  void decodesEveryEscape(String text, String hex) {
    assertThat(Hex.format(Escapes.encode(text.strip(), UTF_8))).isEqualTo(hex.strip());
  }

  @Test
  void emptyTextIsNoBytes() {
    assertThat(Escapes.encode("", UTF_8)).isEmpty();
  }

  @Test
  void encodesTextSegmentsInTheCharsetAndRawBytesVerbatim() {
    assertThat(Hex.format(Escapes.encode("你\\x0D\\n好", UTF_8)))
        .isEqualTo("E4 BD A0 0D 0A E5 A5 BD");
    assertThat(Hex.format(Escapes.encode("你\\x0D\\n好", GBK))).isEqualTo("C4 E3 0D 0A BA C3");
    assertThat(Hex.format(Escapes.encode("\\xFFé", ISO_8859_1))).isEqualTo("FF E9");
    assertThat(Hex.format(Escapes.encode("é\\xFF", UTF_8))).isEqualTo("C3 A9 FF");
  }

  @Test
  void rejectsAnUnknownEscapeWithItsPosition() {
    assertThatThrownBy(() -> Escapes.encode("ab\\q", UTF_8))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isEqualTo(2))
        .hasMessage(
            "bad escape \"\\q\" at position 3 of \"ab\\q\"; use \\r \\n \\t \\\\ \\0 or \\xHH,"
                + " and \\\\ for a backslash");
  }

  @Test
  void rejectsEveryLetterThatIsNotAnEscape() {
    for (char c = ' '; c < 0x7F; c++) {
      if ("rnt\\0x".indexOf(c) >= 0) {
        continue;
      }
      String text = "ok\\" + c;
      char bad = c;
      assertThatThrownBy(() -> Escapes.encode(text, UTF_8))
          .as("escape \\%s", bad)
          .isInstanceOfSatisfying(
              PayloadFormatException.class, e -> assertThat(e.position()).isEqualTo(2))
          .hasMessageStartingWith("bad escape \"\\" + bad + "\" at position 3");
    }
  }

  @Test
  void rejectsHexEscapesWithoutTwoDigits() {
    assertThatThrownBy(() -> Escapes.encode("A\\x4", UTF_8))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isEqualTo(1))
        .hasMessage(
            "bad escape \"\\x4\" at position 2 of \"A\\x4\":"
                + " \\x needs exactly two hex digits, e.g. \\x0D or \\xFF");
    assertThatThrownBy(() -> Escapes.encode("\\x", UTF_8))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isZero())
        .hasMessageStartingWith("bad escape \"\\x\" at position 1");
    assertThatThrownBy(() -> Escapes.encode("12\\xG1", UTF_8))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isEqualTo(2))
        .hasMessageStartingWith("bad escape \"\\xG1\" at position 3");
    assertThatThrownBy(() -> Escapes.encode("\\x4 ", UTF_8))
        .isInstanceOf(PayloadFormatException.class)
        .hasMessageStartingWith("bad escape \"\\x4 \" at position 1");
  }

  @Test
  void rejectsATrailingBackslash() {
    assertThatThrownBy(() -> Escapes.encode("end\\", UTF_8))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isEqualTo(3))
        .hasMessage(
            "trailing '\\' at position 4 of \"end\\\" starts no escape; write \\\\ for a backslash");
  }

  @Test
  void rejectsCharactersTheCharsetCannotEncode() {
    assertThatThrownBy(() -> Escapes.encode("ab\\r你", US_ASCII))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isEqualTo(4))
        .hasMessage(
            "U+4F60 '你' at position 5 of \"ab\\r你\" cannot be encoded in US-ASCII;"
                + " choose an encoding that has it (e.g. UTF-8) or write its bytes as \\xHH");
  }

  @Test
  void rejectsAnUnpairedSurrogate() {
    assertThatThrownBy(() -> Escapes.encode("a\uD800b", UTF_8))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isEqualTo(1))
        .hasMessageStartingWith("an unpaired surrogate U+D800 at position 2");
  }

  @Test
  void textSegmentsAreOneContinuousEncoding() {
    assertThat(Hex.format(Escapes.encode("a\\x0Ab", StandardCharsets.UTF_16)))
        .isEqualTo("FE FF 00 61 0A 00 62");
  }

  @Test
  void rejectsASurrogatePairCutByAnEscape() {
    assertThatThrownBy(() -> Escapes.encode("\uD83D\\n\uDE00", UTF_8))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isZero())
        .hasMessageStartingWith("an unpaired surrogate U+D83D at position 1");
  }
}
