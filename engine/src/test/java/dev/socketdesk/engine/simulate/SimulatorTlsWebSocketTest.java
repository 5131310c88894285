package dev.socketdesk.engine.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.TlsConfig;
import dev.socketdesk.engine.WebSocketServerConfig;
import dev.socketdesk.engine.WebSocketSession;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The simulator over TLS (tcp-echo-server --tls and clients) and its ws-client profile. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SimulatorTlsWebSocketTest {
  @TempDir Path dir;

  @Test
  void tlsClientsAgainstTlsEchoServerGetExactEchoes() throws Exception {
    try (Simulation server =
        new Simulation(
            SimulationConfig.builder(Profile.TCP_ECHO_SERVER)
                .bind("127.0.0.1", 0)
                .tls(TlsConfig.generatedServer(dir))
                .build())) {
      int port = server.start().get(10, TimeUnit.SECONDS).getPort();
      Summary summary =
          run(
              SimulationConfig.builder(Profile.PERIODIC_CLIENT)
                  .target(new HostPort("localhost", port))
                  .count(5)
                  .messages(3)
                  .interval(Duration.ofMillis(20))
                  .verifyEcho(true)
                  .tls(TlsConfig.client().withTrustedCa(dir.resolve("tls-server.crt")))
                  .build());
      assertThat(summary.errors()).isEmpty();
      assertThat(summary.stats().echoesVerified()).isEqualTo(15);
      Summary insecure =
          run(
              SimulationConfig.builder(Profile.PERIODIC_CLIENT)
                  .target(new HostPort("127.0.0.1", port))
                  .messages(1)
                  .verifyEcho(true)
                  .tls(TlsConfig.client().withInsecure(true))
                  .build());
      assertThat(insecure.stats().echoesVerified()).isEqualTo(1);
      Summary untrusted =
          run(
              SimulationConfig.builder(Profile.PERIODIC_CLIENT)
                  .target(new HostPort("127.0.0.1", port))
                  .messages(1)
                  .tls(TlsConfig.client())
                  .build());
      assertThat(untrusted.errors()).isNotEmpty();
    }
  }

  @Test
  void wsClientsAgainstWebSocketEchoServer() throws Exception {
    try (Engine engine = Engine.create(1)) {
      WebSocketSession server =
          engine.webSocketServer(
              WebSocketServerConfig.listen("127.0.0.1", 0, "/ws")
                  .withActions(AutoActions.echo(new byte[0])));
      int port = server.open().get(10, TimeUnit.SECONDS).getPort();
      Summary summary =
          run(
              SimulationConfig.builder(Profile.WS_CLIENT)
                  .target(new HostPort("127.0.0.1", port))
                  .webSocketPath("/ws")
                  .count(4)
                  .messages(5)
                  .interval(Duration.ofMillis(10))
                  .payloads(List.of("dev {id} #{seq}"))
                  .verifyEcho(true)
                  .build());
      assertThat(summary.errors()).isEmpty();
      assertThat(summary.stats().echoesVerified()).isEqualTo(20);
      assertThat(server.counters().messagesIn()).isEqualTo(20);
    }
  }

  private static Summary run(SimulationConfig config) throws Exception {
    try (Simulation sim = new Simulation(config)) {
      sim.start().get(10, TimeUnit.SECONDS);
      return sim.done().get(20, TimeUnit.SECONDS);
    }
  }
}
