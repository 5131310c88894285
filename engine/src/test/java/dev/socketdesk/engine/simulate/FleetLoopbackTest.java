package dev.socketdesk.engine.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.HostPort;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A shard of a fleet against a simulated echo server: global ids, source addresses, its log. */
class FleetLoopbackTest {
  @TempDir Path dir;

  @Test
  @Timeout(30)
  void aShardConnectsFromItsSourceAddressesAndLogsWhatItDid() throws Exception {
    SimulationConfig server =
        SimulationConfig.builder(Profile.TCP_ECHO_SERVER).bind("127.0.0.1", 0).build();
    try (Simulation echo = new Simulation(server)) {
      int port = echo.start().get(5, TimeUnit.SECONDS).getPort();
      Path log = dir.resolve("shard-2.hlog");
      SimulationConfig clients =
          SimulationConfig.builder(Profile.PERIODIC_CLIENT)
              .target(new HostPort("127.0.0.1", port))
              .shard(new Shard(2, 3), 20)
              .sourceAddresses(
                  List.of(InetAddress.getByName("127.0.0.2"), InetAddress.getByName("127.0.0.3")))
              .payloads(List.of("dev {id} #{seq}"))
              .interval(Duration.ofMillis(50))
              .messages(4)
              .verifyEcho(true)
              .histogramLog(log)
              .runId("t1")
              .build();
      assertThat(clients.count()).isEqualTo(7);
      assertThat(clients.firstId()).isEqualTo(8);
      Summary summary;
      try (Simulation sim = new Simulation(clients)) {
        sim.start().get(5, TimeUnit.SECONDS);
        summary = sim.done().get(20, TimeUnit.SECONDS);
      }
      assertThat(summary.stats().failed()).isZero();
      assertThat(summary.stats().echoesVerified()).isEqualTo(28);
      ShardLog read = ShardLog.read(log);
      assertThat(read.shard()).isEqualTo(new Shard(2, 3));
      assertThat(read.header()).containsEntry("run", "t1").containsEntry("first-id", "8");
      assertThat(read.counter("messages-out")).isEqualTo(28);
      assertThat(read.counter("echoes-verified")).isEqualTo(28);
      assertThat(read.rtt().getTotalCount()).isEqualTo(28);
      assertThat(read.connect().getTotalCount()).isEqualTo(7);
      assertThat(read.intervals()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  @Timeout(30)
  void aShardWithoutDevicesEndsAtOnceWithAnEmptyLog() throws Exception {
    Path log = dir.resolve("empty.hlog");
    SimulationConfig clients =
        SimulationConfig.builder(Profile.ECHO_CLIENT)
            .target(new HostPort("127.0.0.1", 9))
            .shard(new Shard(4, 4), 3)
            .histogramLog(log)
            .build();
    try (Simulation sim = new Simulation(clients)) {
      sim.start().get(5, TimeUnit.SECONDS);
      Summary summary = sim.done().get(10, TimeUnit.SECONDS);
      assertThat(summary.stats().launched()).isZero();
    }
    ShardLog read = ShardLog.read(log);
    assertThat(read.header()).containsEntry("devices", "0");
    assertThat(read.counter("launched")).isZero();
  }
}
