package dev.socketdesk.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CharsetsTest {
  private static final String CHINESE = "你好，世界 Hello";

  @ParameterizedTest
  @CsvSource({
    "UTF-8, UTF-8",
    "utf8, UTF-8",
    "gbk, GBK",
    "GB2312, GB2312",
    "gb18030, GB18030",
    "latin1, ISO-8859-1",
    "iso-8859-1, ISO-8859-1",
    "ascii, US-ASCII",
    "' US-ASCII ', US-ASCII",
    "Shift_JIS, Shift_JIS",
    "UTF-16LE, UTF-16LE"
  })
  void acceptsJavaNamesAndAliases(String name, String canonical) {
    assertThat(Charsets.forName(name).name()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(strings = {"XYZ", "", "utf-9", "bad name!"})
  void rejectsUnknownNamesWithTheUsualChoices(String name) {
    assertThatThrownBy(() -> Charsets.forName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown encoding '"
                + name
                + "'; use UTF-8, GBK, GB18030, ISO-8859-1, US-ASCII or another Java charset name");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> Charsets.forName(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown encoding ''");
  }

  @ParameterizedTest
  @CsvSource({
    "UTF-8, E4 BD A0 E5 A5 BD EF BC 8C E4 B8 96 E7 95 8C 20 48 65 6C 6C 6F",
    "GBK, C4 E3 BA C3 A3 AC CA C0 BD E7 20 48 65 6C 6C 6F",
    "GB18030, C4 E3 BA C3 A3 AC CA C0 BD E7 20 48 65 6C 6C 6F"
  })
  void chineseTextRoundTrips(String name, String hex) {
    Charset charset = Charsets.forName(name);
    byte[] bytes = Charsets.encode(CHINESE, charset);
    assertThat(Hex.format(bytes)).isEqualTo(hex);
    assertThat(new String(bytes, charset)).isEqualTo(CHINESE);
    assertThat(new TextDecoder(charset).decode(bytes)).isEqualTo(CHINESE);
    assertThat(SendFormat.text(charset).encode(CHINESE)).containsExactly(bytes);
  }

  @Test
  void gb18030EncodesWhatGbkCannot() {
    String emoji = "😀€";
    byte[] bytes = Charsets.encode(emoji, Charsets.forName("GB18030"));
    assertThat(Hex.format(bytes)).isEqualTo("94 39 FC 36 A2 E3");
    assertThat(new TextDecoder(Charsets.forName("GB18030")).decode(bytes)).isEqualTo(emoji);
    assertThatThrownBy(() -> Charsets.encode(emoji, Charsets.forName("GBK")))
        .isInstanceOf(PayloadFormatException.class)
        .hasMessageStartingWith("U+D83D at position 1");
  }

  @Test
  void latin1AndAsciiRoundTrip() {
    String latin = "Grüße ÿ";
    byte[] latinBytes = Charsets.encode(latin, StandardCharsets.ISO_8859_1);
    assertThat(Hex.format(latinBytes)).isEqualTo("47 72 FC DF 65 20 FF");
    assertThat(new TextDecoder(StandardCharsets.ISO_8859_1).decode(latinBytes)).isEqualTo(latin);

    String ascii = "Hello WalnutPi!";
    byte[] asciiBytes = Charsets.encode(ascii, StandardCharsets.US_ASCII);
    assertThat(asciiBytes).containsExactly(ascii.getBytes(StandardCharsets.US_ASCII));
    assertThat(new TextDecoder(StandardCharsets.US_ASCII).decode(asciiBytes)).isEqualTo(ascii);
  }

  @Test
  void refusesToReplaceUnencodableCharacters() {
    assertThatThrownBy(() -> Charsets.encode("Grüße", StandardCharsets.US_ASCII))
        .isInstanceOfSatisfying(
            PayloadFormatException.class, e -> assertThat(e.position()).isEqualTo(2))
        .hasMessage(
            "U+00FC 'ü' at position 3 of \"Grüße\" cannot be encoded in US-ASCII;"
                + " choose an encoding that has it (e.g. UTF-8) or write its bytes as \\xHH");
  }

  @Test
  void encodesLongText() {
    String text = "世界".repeat(50_000);
    assertThat(Charsets.encode(text, StandardCharsets.UTF_8))
        .containsExactly(text.getBytes(StandardCharsets.UTF_8));
    assertThat(Charsets.encode("", StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void rejectsDecodeOnlyCharsets() {
    assertThatThrownBy(() -> Charsets.forName("ISO-2022-CN"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("encoding 'ISO-2022-CN' can only be decoded by Java, not encoded;");
  }
}
