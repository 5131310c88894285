package dev.socketdesk.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ChecksumTest {
  private static final byte[] CHECK = "123456789".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest
  @CsvSource({
    "NONE, 0, ''",
    "SUM8, DD, DD",
    "XOR8, 31, 31",
    "CRC16_MODBUS, 4B37, 37 4B",
    "CRC16_CCITT_FALSE, 29B1, 29 B1",
    "CRC32, CBF43926, CB F4 39 26"
  })
  void matchesPublishedCheckValues(Checksum checksum, String value, String wire) {
    assertThat(checksum.value(CHECK, 0, CHECK.length)).isEqualTo(Long.parseLong(value, 16));
    assertThat(Hex.format(checksum.compute(CHECK))).isEqualTo(wire);
    assertThat(checksum.compute(CHECK)).hasSize(checksum.width());
  }

  @ParameterizedTest
  @CsvSource({
    "NONE, 0, ''",
    "SUM8, 0, 00",
    "XOR8, 0, 00",
    "CRC16_MODBUS, FFFF, FF FF",
    "CRC16_CCITT_FALSE, FFFF, FF FF",
    "CRC32, 0, 00 00 00 00"
  })
  void emptyInputGivesTheInitialValue(Checksum checksum, String value, String wire) {
    assertThat(checksum.value(new byte[0], 0, 0)).isEqualTo(Long.parseLong(value, 16));
    assertThat(Hex.format(checksum.compute(new byte[0]))).isEqualTo(wire);
  }

  @ParameterizedTest
  @EnumSource(Checksum.class)
  void rangeOverloadSeesOnlyTheRange(Checksum checksum) {
    byte[] padded = new byte[CHECK.length + 6];
    padded[0] = (byte) 0xAA;
    padded[1] = 0x55;
    padded[2] = 0x13;
    System.arraycopy(CHECK, 0, padded, 3, CHECK.length);
    padded[padded.length - 1] = 0x7F;
    assertThat(checksum.compute(padded, 3, CHECK.length)).isEqualTo(checksum.compute(CHECK));
  }

  @Test
  void tableDrivenCrcsMatchBitwiseReferencesOnRandomData() {
    Random random = new Random(20261121L);
    for (int round = 0; round < 200; round++) {
      byte[] data = new byte[random.nextInt(300)];
      random.nextBytes(data);
      assertThat(Checksum.CRC16_MODBUS.value(data, 0, data.length)).isEqualTo(bitwiseModbus(data));
      assertThat(Checksum.CRC16_CCITT_FALSE.value(data, 0, data.length))
          .isEqualTo(bitwiseCcittFalse(data));
      CRC32 crc32 = new CRC32();
      crc32.update(data);
      assertThat(Checksum.CRC32.value(data, 0, data.length)).isEqualTo(crc32.getValue());
    }
  }

  @Test
  void sum8WrapsAndXor8CancelsOut() {
    byte[] data = {(byte) 0xFF, 0x02, (byte) 0x80, (byte) 0x80};
    assertThat(Checksum.SUM8.value(data, 0, data.length)).isEqualTo(0x01);
    assertThat(Checksum.XOR8.value(data, 0, data.length)).isEqualTo(0xFD);
  }

  @Test
  void parsesCliNamesCaseInsensitively() {
    for (Checksum checksum : Checksum.values()) {
      assertThat(Checksum.parse(checksum.cliName())).isSameAs(checksum);
      assertThat(Checksum.parse(" " + checksum.cliName().toUpperCase() + " ")).isSameAs(checksum);
    }
    assertThat(Checksum.CRC16_MODBUS.cliName()).isEqualTo("crc16-modbus");
    assertThat(Checksum.CRC16_CCITT_FALSE.cliName()).isEqualTo("crc16-ccitt");
  }

  @Test
  void rejectsUnknownNamesWithTheChoices() {
    assertThatThrownBy(() -> Checksum.parse("crc8"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown checksum 'crc8'; use none, sum8, xor8, crc16-modbus, crc16-ccitt or crc32");
  }

  @Test
  void rejectsRangesOutsideTheArray() {
    assertThatThrownBy(() -> Checksum.CRC32.compute(CHECK, 5, 5))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  private static long bitwiseModbus(byte[] data) {
    int crc = 0xFFFF;
    for (byte b : data) {
      crc ^= b & 0xFF;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
      }
    }
    return crc;
  }

  private static long bitwiseCcittFalse(byte[] data) {
    int crc = 0xFFFF;
    for (byte b : data) {
      crc ^= (b & 0xFF) << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) & 0xFFFF : (crc << 1) & 0xFFFF;
      }
    }
    return crc;
  }
}
