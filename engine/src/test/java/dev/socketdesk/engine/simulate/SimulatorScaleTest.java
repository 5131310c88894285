package dev.socketdesk.engine.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.TcpServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A thousand simulated devices against one engine TCP server (CI-sized). */
class SimulatorScaleTest {
  private static final int DEVICES = 1000;
  private static final int MESSAGES = 3;

  @Test
  @Timeout(60)
  void thousandDevicesAllConnectAndAllEchoesAreExact() throws Exception {
    try (Engine engine = Engine.create(1)) {
      Session server =
          engine.tcpServer(
              TcpServerConfig.listen("127.0.0.1", 0)
                  .withBacklog(1024)
                  .withActions(AutoActions.echo(new byte[0])));
      int port = server.open().get(5, TimeUnit.SECONDS).getPort();
      SimulationConfig config =
          SimulationConfig.builder(Profile.PERIODIC_CLIENT)
              .target(new HostPort("127.0.0.1", port))
              .count(DEVICES)
              .messages(MESSAGES)
              .interval(Duration.ofSeconds(2))
              .payloads(List.of("device {id} reading {seq}\n"))
              .verifyEcho(true)
              .threads(1)
              .build();
      try (Simulation sim = new Simulation(config)) {
        assertThat(sim.checkLimits()).isEmpty();
        sim.start().get(5, TimeUnit.SECONDS);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> server.peers().size() == DEVICES || sim.done().isDone());
        int peersAtOnce = server.peers().size();
        Summary summary = sim.done().get(40, TimeUnit.SECONDS);
        assertThat(summary.describe()).contains("no errors");
        assertThat(peersAtOnce).isEqualTo(DEVICES);
        Stats s = summary.stats();
        assertThat(summary.errors()).isEmpty();
        assertThat(s.launched()).isEqualTo(DEVICES);
        assertThat(s.failed()).isZero();
        assertThat(s.closed()).isEqualTo(DEVICES);
        assertThat(s.messagesOut()).isEqualTo((long) DEVICES * MESSAGES);
        assertThat(s.echoesVerified()).isEqualTo((long) DEVICES * MESSAGES);
        assertThat(s.echoMismatches()).isZero();
        assertThat(s.bytesIn()).isEqualTo(s.bytesOut());
        assertThat(s.rttCount()).isEqualTo((long) DEVICES * MESSAGES);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> server.peers().isEmpty());
      assertThat(server.counters().bytesIn()).isEqualTo(server.counters().bytesOut());
    }
  }
}
