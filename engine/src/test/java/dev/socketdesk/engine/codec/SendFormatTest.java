package dev.socketdesk.engine.codec;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

class SendFormatTest {
  private static final Charset GBK = Charset.forName("GBK");

  @Test
  void textDefaultsToEscapesWithoutChecksumOrLineEnding() {
    SendFormat format = SendFormat.text(UTF_8);
    assertThat(format)
        .isEqualTo(new SendFormat(PayloadMode.TEXT, UTF_8, true, LineEnding.NONE, Checksum.NONE));
    assertThat(Hex.format(format.encode("Hi\\r\\n"))).isEqualTo("48 69 0D 0A");
  }

  @Test
  void appendsChecksumOverThePayloadThenTheLineEnding() {
    SendFormat format =
        SendFormat.text(US_ASCII)
            .withChecksum(Checksum.CRC16_MODBUS)
            .withLineEnding(LineEnding.CRLF);
    assertThat(Hex.format(format.encode("123456789")))
        .isEqualTo("31 32 33 34 35 36 37 38 39 37 4B 0D 0A");
  }

  @Test
  void everyChecksumCoversOnlyThePayload() {
    byte[] payload = "123456789".getBytes(US_ASCII);
    for (Checksum checksum : Checksum.values()) {
      for (LineEnding ending : LineEnding.values()) {
        byte[] wire =
            SendFormat.text(US_ASCII)
                .withChecksum(checksum)
                .withLineEnding(ending)
                .encode("123456789");
        byte[] expected = concat(payload, checksum.compute(payload), ending.bytes());
        assertThat(wire).as("%s + %s", checksum, ending).containsExactly(expected);
      }
    }
  }

  @Test
  void hexPayloadGetsChecksumAndLineEndingToo() {
    SendFormat format = SendFormat.hex().withChecksum(Checksum.CRC32).withLineEnding(LineEnding.LF);
    assertThat(Hex.format(format.encode("0x31 0x32 0x33 0x34 0x35 0x36 0x37 0x38 0x39")))
        .isEqualTo("31 32 33 34 35 36 37 38 39 CB F4 39 26 0A");
    assertThat(Hex.format(format.withChecksum(Checksum.SUM8).encode(""))).isEqualTo("00 0A");
  }

  @Test
  void modbusReadHoldingRegistersFrame() {
    SendFormat format = SendFormat.hex().withChecksum(Checksum.CRC16_MODBUS);
    assertThat(Hex.format(format.encode("01 03 00 00 00 0A"))).isEqualTo("01 03 00 00 00 0A C5 CD");
  }

  @Test
  void escapesCanBeSwitchedOff() {
    SendFormat raw = SendFormat.text(UTF_8).withEscapes(false).withLineEnding(LineEnding.CR);
    assertThat(Hex.format(raw.encode("a\\n"))).isEqualTo("61 5C 6E 0D");
    assertThat(Hex.format(raw.encode("a\\"))).isEqualTo("61 5C 0D");
  }

  @Test
  void encodesInTheChosenCharset() {
    assertThat(Hex.format(SendFormat.text(GBK).encode("你好"))).isEqualTo("C4 E3 BA C3");
    assertThat(Hex.format(SendFormat.text(UTF_8).withCharset(GBK).encode("你好")))
        .isEqualTo("C4 E3 BA C3");
    assertThat(Hex.format(SendFormat.text(UTF_8).encode("你好"))).isEqualTo("E4 BD A0 E5 A5 BD");
  }

  @Test
  void hexModeIgnoresCharsetAndEscapes() {
    SendFormat format = SendFormat.text(GBK).withMode(PayloadMode.HEX).withEscapes(false);
    assertThat(Hex.format(format.encode("48 65"))).isEqualTo("48 65");
  }

  @Test
  void reportsBadInputWithItsOneLineMessage() {
    assertThatThrownBy(() -> SendFormat.hex().encode("4G"))
        .isInstanceOf(PayloadFormatException.class)
        .hasMessageContaining("'G' at position 2 is not a hex digit");
    assertThatThrownBy(() -> SendFormat.text(UTF_8).encode("\\q"))
        .isInstanceOf(PayloadFormatException.class)
        .hasMessageStartingWith("bad escape \"\\q\" at position 1");
    assertThatThrownBy(() -> SendFormat.text(US_ASCII).withEscapes(false).encode("é"))
        .isInstanceOf(PayloadFormatException.class)
        .hasMessageStartingWith("U+00E9 'é' at position 1 of \"é\" cannot be encoded in US-ASCII");
  }

  @Test
  void payloadLeavesOutChecksumAndLineEnding() {
    SendFormat format =
        SendFormat.text(UTF_8).withChecksum(Checksum.XOR8).withLineEnding(LineEnding.CRLF);
    assertThat(format.payload("AB")).containsExactly('A', 'B');
    assertThat(Hex.format(format.encode("AB"))).isEqualTo("41 42 03 0D 0A");
  }

  @Test
  void rejectsNullComponents() {
    assertThatThrownBy(() -> SendFormat.text(UTF_8).withChecksum(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("checksum");
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
