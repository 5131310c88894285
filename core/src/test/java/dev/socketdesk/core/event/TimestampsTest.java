package dev.socketdesk.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {
  private static final String[] PATTERNS = {"HH:mm:ss.", "yyyy-MM-dd'T'HH:mm:ss."};
  private static final String[] SUFFIXES = {"' '", "XXX"};

  @ParameterizedTest
  @ValueSource(strings = {"UTC", "Asia/Shanghai", "America/New_York", "Australia/Lord_Howe"})
  void sameTextAsTheFormatterAcrossSecondsAndOffsetChanges(String zoneName) {
    ZoneId zone = ZoneId.of(zoneName);
    for (int p = 0; p < PATTERNS.length; p++) {
      Timestamps timestamps = new Timestamps(PATTERNS[p], SUFFIXES[p], zone);
      DateTimeFormatter reference =
          DateTimeFormatter.ofPattern(PATTERNS[p] + "SSS" + SUFFIXES[p]).withZone(zone);
      for (Instant time : instants(zone)) {
        assertThat(timestamps.format(time))
            .as("%s in %s", time, zone)
            .isEqualTo(reference.format(time));
      }
    }
  }

  /** Seeded random instants in time order, plus both sides of every offset change in 2024-2026. */
  private static List<Instant> instants(ZoneId zone) {
    List<Instant> instants = new ArrayList<>();
    Random random = new Random(42);
    long millis = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < 5_000; i++) {
      millis += random.nextInt(3_000);
      instants.add(Instant.ofEpochMilli(millis));
      instants.add(Instant.ofEpochMilli(millis).plusNanos(random.nextInt(1_000_000)));
    }
    ZoneOffsetTransition next =
        zone.getRules().nextTransition(Instant.parse("2024-01-01T00:00:00Z"));
    while (next != null && next.getInstant().isBefore(Instant.parse("2027-01-01T00:00:00Z"))) {
      instants.add(next.getInstant().minusMillis(1));
      instants.add(next.getInstant());
      instants.add(next.getInstant().plusMillis(999));
      next = zone.getRules().nextTransition(next.getInstant());
    }
    instants.add(Instant.ofEpochMilli(-1));
    instants.add(Instant.ofEpochMilli(0));
    return instants;
  }
}
