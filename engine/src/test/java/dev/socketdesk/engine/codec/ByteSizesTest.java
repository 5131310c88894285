package dev.socketdesk.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizesTest {
  @Test
  void acceptsBytesAndBinaryUnitsInAnySpelling() {
    assertThat(ByteSizes.parse("1048576")).isEqualTo(1L << 20);
    assertThat(ByteSizes.parse("512k")).isEqualTo(512L << 10);
    assertThat(ByteSizes.parse(" 100MB ")).isEqualTo(100L << 20);
    assertThat(ByteSizes.parse("100mib")).isEqualTo(100L << 20);
    assertThat(ByteSizes.parse("1.5G")).isEqualTo(3L << 29);
    assertThat(ByteSizes.parse("7b")).isEqualTo(7);
  }

  @Test
  void refusesAnythingElseNamingTheValue() {
    for (String bad : new String[] {"", "MB", "-1MB", "1TB", "１MB", "1 0MB", "1e9"}) {
      assertThatThrownBy(() -> ByteSizes.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is not valid; use a number with k, MB or GB");
    }
    assertThatThrownBy(() -> ByteSizes.parse("\u0007"))
        .hasMessage("size '\\u0007' is not valid; use a number with k, MB or GB, e.g. 100MB");
  }
}
