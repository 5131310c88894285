package dev.socketdesk.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HexTest {
  private static final byte[] HEL = {0x48, 0x65, 0x6C};

  @ParameterizedTest
  @ValueSource(
      strings = {
        "48 65 6C",
        "48656C",
        "48656c",
        "0x48,0x65,0x6C",
        "0X48 0x65 0x6c",
        "0x48656C",
        "48:65:6C",
        "48-65-6C",
        "48;65;6C",
        "48\t65\n6C",
        "48\r\n65\r\n6C",
        "  48  ,  65 ; 6c  ",
        "4865 6C",
        "0x48, 0x65,\n0x6C\n"
      })
  void acceptsTheFormsPeoplePaste(String text) {
    assertThat(Hex.parse(text)).containsExactly(HEL);
  }

  @Test
  void acceptsEveryByteValueInBothCases() {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    assertThat(Hex.parse(Hex.format(all))).containsExactly(all);
    assertThat(Hex.parse(Hex.formatCompact(all).toLowerCase())).containsExactly(all);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n", ", ; : -"})
  void emptyOrBlankIsNoBytes(String text) {
    assertThat(Hex.parse(text)).isEmpty();
  }

  @Test
  void rejectsANonHexDigitNamingItAndItsPosition() {
    assertThatThrownBy(() -> Hex.parse("4G"))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isEqualTo(1))
        .hasMessage(
            "malformed hex \"4G\": 'G' at position 2 is not a hex digit;"
                + " use pairs of 0-9/A-F such as 48 65 6C");
  }

  @Test
  void reportsTheBadCharacterFurtherIn() {
    assertThatThrownBy(() -> Hex.parse("48 65 6Z"))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isEqualTo(7))
        .hasMessageContaining("'Z' at position 8 is not a hex digit");
  }

  @Test
  void rejectsAnOddDigitCount() {
    assertThatThrownBy(() -> Hex.parse("48 6 5C"))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isEqualTo(3))
        .hasMessage(
            "malformed hex \"48 6 5C\": '6' has an odd number of digits (1), so '6' at position 4"
                + " has no pair; write every byte as two digits, e.g. 06");
    assertThatThrownBy(() -> Hex.parse("48656"))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isEqualTo(4))
        .hasMessageContaining("'48656' has an odd number of digits (5), so '6' at position 5");
    assertThatThrownBy(() -> Hex.parse("0x486,0x01"))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isEqualTo(4))
        .hasMessageContaining("'0x486' has an odd number of digits (3), so '6' at position 5");
    assertThatThrownBy(() -> Hex.parse("A"))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isZero())
        .hasMessageContaining("'A' has an odd number of digits (1), so 'A' at position 1");
  }

  @Test
  void shortensALongOddToken() {
    String token = "0123456789ABCDEF".repeat(4) + "7";
    assertThatThrownBy(() -> Hex.parse(token))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isEqualTo(64))
        .hasMessageContaining("'01234567...9ABCDEF7' has an odd number of digits (65)")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x", "48 0x", "0x,48", "0X 48"})
  void rejectsALonePrefix(String text) {
    int at = text.toLowerCase().indexOf("0x");
    assertThatThrownBy(() -> Hex.parse(text))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isEqualTo(at))
        .hasMessageContaining("'0x' at position " + (at + 1) + " has no digits after it");
  }

  @Test
  void rejectsAPrefixInsideAToken() {
    assertThatThrownBy(() -> Hex.parse("480x65"))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isEqualTo(3))
        .hasMessageContaining("'x' at position 4 is not a hex digit");
  }

  @Test
  void rejectsNonAsciiCharactersIncludingFullWidthDigits() {
    assertThatThrownBy(() -> Hex.parse("48 é5"))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isEqualTo(3))
        .hasMessageContaining("U+00E9 'é' at position 4 is not a hex digit");
    assertThatThrownBy(() -> Hex.parse("４８"))
        .isInstanceOf(PayloadFormatException.class)
        .hasMessageContaining("U+FF14 '４' at position 1 is not a hex digit");
  }

  @Test
  void messagesStayOnOneLine() {
    assertThatThrownBy(() -> Hex.parse("48\n65\r\nZZ"))
        .isInstanceOf(PayloadFormatException.class)
        .hasMessage(
            "malformed hex \"48\\n65\\r\\nZZ\": 'Z' at position 8 is not a hex digit;"
                + " use pairs of 0-9/A-F such as 48 65 6C");
  }

  @Test
  void longInputIsQuotedAroundTheError() {
    String text = "00 ".repeat(100) + "0G" + " 11".repeat(100);
    assertThatThrownBy(() -> Hex.parse(text))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isEqualTo(301))
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .hasSizeLessThan(160)
                    .startsWith("malformed hex \"...")
                    .contains("00 00 0G 11 11")
                    .contains("...\": 'G' at position 302 is not a hex digit"));
  }

  @Test
  void formatsUpperCaseSpaceSeparated() {
    assertThat(Hex.format(HEL)).isEqualTo("48 65 6C");
    assertThat(Hex.format(new byte[] {0, (byte) 0xFF, 0x0A})).isEqualTo("00 FF 0A");
    assertThat(Hex.format(new byte[0])).isEmpty();
    assertThat(Hex.format(new byte[] {1, 2, 3, 4, 5}, 1, 3)).isEqualTo("02 03 04");
    assertThat(Hex.format(HEL, 3, 0)).isEmpty();
    assertThat(Hex.formatCompact(HEL)).isEqualTo("48656C");
    assertThat(Hex.formatCompact(new byte[0])).isEmpty();
  }

  @Test
  void formatRejectsRangesOutsideTheArray() {
    assertThatThrownBy(() -> Hex.format(HEL, 2, 2)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
