package dev.socketdesk.engine.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.HostPort;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The echo-client profile against the simulated echo server: two boards that echo each other, so
 * that only {@code messages} ends the bouncing, and echo verification checks the device's own
 * greeting and echoes.
 */
class SimulatorEchoClientTest {
  private static Summary echoClientsAgainstEchoServer(int count, long messages, boolean verify)
      throws Exception {
    try (Simulation server =
        new Simulation(
            SimulationConfig.builder(Profile.TCP_ECHO_SERVER).bind("127.0.0.1", 0).build())) {
      int port = server.start().get(5, TimeUnit.SECONDS).getPort();
      SimulationConfig clients =
          SimulationConfig.builder(Profile.ECHO_CLIENT)
              .target(new HostPort("127.0.0.1", port))
              .count(count)
              .messages(messages)
              .verifyEcho(verify)
              .build();
      try (Simulation sim = new Simulation(clients)) {
        sim.start().get(5, TimeUnit.SECONDS);
        return sim.done().get(15, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  @Timeout(30)
  void verifiedEchoClientChecksItsGreetingAndEveryEchoItSent() throws Exception {
    Summary summary = echoClientsAgainstEchoServer(3, 20, true);
    Stats s = summary.stats();
    assertThat(summary.errors()).isEmpty();
    assertThat(s.closed()).isEqualTo(3);
    assertThat(s.messagesOut()).isEqualTo(60);
    assertThat(s.echoesVerified()).isEqualTo(60);
    assertThat(s.echoMismatches()).isZero();
    assertThat(s.rttCount()).isEqualTo(60);
  }

  @Test
  @Timeout(30)
  void messagesBoundTheGreetingAndEchoesOfAnUnverifiedEchoClient() throws Exception {
    Summary summary = echoClientsAgainstEchoServer(2, 5, false);
    Stats s = summary.stats();
    assertThat(summary.errors()).isEmpty();
    assertThat(s.closed()).isEqualTo(2);
    assertThat(s.messagesOut()).isEqualTo(10);
    // Greeting "Hello WalnutPi!" (15 bytes), then echoes growing by the prefix "I got:" (6).
    assertThat(s.bytesOut()).isEqualTo(2 * (15 + 21 + 27 + 33 + 39));
    assertThat(s.echoMismatches()).isZero();
  }

  @Test
  @Timeout(30)
  void oneMessageIsTheGreetingAlone() throws Exception {
    Summary summary = echoClientsAgainstEchoServer(1, 1, true);
    assertThat(summary.stats().messagesOut()).isEqualTo(1);
    assertThat(summary.stats().echoesVerified()).isEqualTo(1);
    assertThat(summary.stats().echoMismatches()).isZero();
  }
}
