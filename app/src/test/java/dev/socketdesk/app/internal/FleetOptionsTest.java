package dev.socketdesk.app.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socketdesk.engine.simulate.Shard;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class FleetOptionsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-02T08:00:00Z"), ZoneOffset.UTC);

  @Test
  void aStartTimeInTheFutureIsWaitedFor() {
    StartAt s = StartAt.parse("2026-12-02T08:00:12.5Z", CLOCK);
    assertThat(s.absolute()).isTrue();
    assertThat(s.delay(CLOCK)).isEqualTo(Duration.ofMillis(12_500));
    assertThat(s.describe(CLOCK, "shard 2/4"))
        .isEqualTo("shard 2/4: waiting 12.5 s, until 2026-12-02T08:00:12.500Z, to start");
  }

  @Test
  void aStartTimeInThePastSaysSoAndStartsAtOnce() {
    StartAt s = StartAt.parse("2026-12-02T09:59:57+02:00", CLOCK);
    assertThat(s.delay(CLOCK)).isZero();
    assertThat(s.describe(CLOCK, "shard 3/4"))
        .isEqualTo("shard 3/4: the start time 2026-12-02T07:59:57Z passed 3.0 s ago; starting now");
  }

  @Test
  void aDelayCountsFromNowAndAWrongTimeIsNamed() {
    StartAt s = StartAt.parse("+30s", CLOCK);
    assertThat(s.absolute()).isFalse();
    assertThat(s.delay(CLOCK)).isEqualTo(Duration.ofSeconds(30));
    assertThat(StartAt.parse("2026-12-02T08:00:05", CLOCK).delay(CLOCK))
        .isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> StartAt.parse("tomorrow", CLOCK))
        .hasMessage(
            "--start-at 'tomorrow' is not a time; use ISO-8601 such as 2026-12-02T08:00:00Z, or a"
                + " delay such as +30s");
  }

  @Test
  void awaitStartReturnsAtOnceForAPastTime() {
    FleetOptions f = new FleetOptions();
    f.startAt = "2026-12-02T07:00:00Z";
    f.apply(
        dev.socketdesk.engine.simulate.SimulationConfig.builder(
                dev.socketdesk.engine.simulate.Profile.ECHO_CLIENT)
            .target(new dev.socketdesk.engine.HostPort("127.0.0.1", 1)),
        10,
        Map.of(),
        CLOCK);
    StringWriter err = new StringWriter();
    f.awaitStart(new PrintWriter(err), "simulate", CLOCK);
    assertThat(err.toString()).contains("passed 3600.0 s ago; starting now");
  }

  @Test
  void theShardComesFromTheOptionOrFromTheJobIndex() {
    FleetOptions f = new FleetOptions();
    f.shard = "2/4";
    assertThat(f.shard(Map.of())).isEqualTo(new Shard(2, 4));
    f.shard = null;
    f.shards = 4;
    assertThat(f.shard(Map.of(FleetOptions.JOB_INDEX, "3"))).isEqualTo(new Shard(4, 4));
    assertThatThrownBy(() -> f.shard(Map.of()))
        .hasMessageContaining("--shards 4 needs JOB_COMPLETION_INDEX");
    assertThatThrownBy(() -> f.shard(Map.of(FleetOptions.JOB_INDEX, "4")))
        .hasMessage("JOB_COMPLETION_INDEX=4 is not an index from 0 to 3 for --shards");
    f.shard = "1/3";
    assertThatThrownBy(() -> f.shard(Map.of())).hasMessageContaining("disagree");
    assertThatThrownBy(() -> FleetOptions.parseShard("5/4"))
        .hasMessage("--shard '5/4' is not a shard; use I/N with 1 <= I <= N, e.g. 2/4");
  }

  @Test
  void sourceAddressesAreRangesAndLists() throws Exception {
    assertThat(SourceAddresses.parse("127.0.0.2-127.0.0.4,127.0.1.1"))
        .containsExactly(
            InetAddress.getByName("127.0.0.2"),
            InetAddress.getByName("127.0.0.3"),
            InetAddress.getByName("127.0.0.4"),
            InetAddress.getByName("127.0.1.1"));
    assertThat(SourceAddresses.parse("127.0.0.255-127.0.1.0")).hasSize(2);
    assertThatThrownBy(() -> SourceAddresses.parse("127.0.0.9-127.0.0.2"))
        .hasMessageContaining("the range 127.0.0.9-127.0.0.2 ends before it starts");
    assertThatThrownBy(() -> SourceAddresses.parse("localhost"))
        .hasMessageContaining("'localhost' is not an IP address");
    assertThatThrownBy(() -> SourceAddresses.parse("10.0.0.0-10.1.0.0"))
        .hasMessageContaining("more than 4096 addresses");
    assertThatThrownBy(
            () -> SourceAddresses.checkLocal(SourceAddresses.parse("192.0.2.77"), "192.0.2.77"))
        .hasMessageContaining("192.0.2.77 is not an address of this machine");
  }
}
