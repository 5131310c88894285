package dev.socketdesk.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PluralTest {
  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void oneIsSingularAndEveryOtherCountPlural() {
    assertEquals("1 device", Plural.of(1, "device"));
    assertEquals("0 devices", Plural.of(0, "device"));
    assertEquals("2 devices", Plural.of(2, "device"));
    assertEquals("18000 samples", Plural.of(18_000, "sample"));
  }
}
