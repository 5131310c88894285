package dev.socketdesk.engine.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.TcpClientConfig;
import dev.socketdesk.engine.TcpServerConfig;
import dev.socketdesk.engine.UdpConfig;
import dev.socketdesk.engine.codec.Checksum;
import dev.socketdesk.engine.codec.Hex;
import dev.socketdesk.engine.codec.SendFormat;
import dev.socketdesk.engine.testing.EventRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each profile against the engine's sessions on loopback. */
class SimulatorProfilesTest {
  private Engine engine;

  @BeforeEach
  void createEngine() {
    engine = Engine.create(1);
  }

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  private Session open(Session session, EventRecorder recorder) throws Exception {
    session.addListener(recorder);
    session.open().get(5, TimeUnit.SECONDS);
    return session;
  }

  private static HostPort loopback(Session session) {
    return new HostPort("127.0.0.1", session.localAddress().getPort());
  }

  @Test
  @Timeout(20)
  void echoClientGreetsThenEchoesWithPrefix() throws Exception {
    EventRecorder server = new EventRecorder();
    Session tcpServer = open(engine.tcpServer(TcpServerConfig.listen("127.0.0.1", 0)), server);
    server.next(SessionEvent.Listening.class);
    SimulationConfig config =
        SimulationConfig.builder(Profile.ECHO_CLIENT).target(loopback(tcpServer)).build();
    try (Simulation sim = new Simulation(config)) {
      sim.start().get(5, TimeUnit.SECONDS);
      server.next(SessionEvent.Connected.class);
      server.receiveText("Hello WalnutPi!");
      tcpServer.send("LED on".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
      server.next(SessionEvent.Sent.class);
      server.receiveText("I got:LED on");
      Summary summary = sim.stop().get(10, TimeUnit.SECONDS);
      assertThat(summary.stats().messagesIn()).isEqualTo(1);
      assertThat(summary.stats().messagesOut()).isEqualTo(2);
      assertThat(summary.stats().bytesOut()).isEqualTo("Hello WalnutPi!I got:LED on".length());
      assertThat(summary.errors()).isEmpty();
    }
    assertThat(server.next(SessionEvent.Disconnected.class).reason())
        .isEqualTo(CloseReason.PEER_CLOSED);
    server.assertExhausted();
  }

  @Test
  @Timeout(20)
  void tcpEchoServerClosesOnEofThenAcceptsTheNext() throws Exception {
    SimulationConfig config =
        SimulationConfig.builder(Profile.TCP_ECHO_SERVER).bind("127.0.0.1", 0).build();
    try (Simulation sim = new Simulation(config)) {
      int port = sim.start().get(5, TimeUnit.SECONDS).getPort();
      for (String text : List.of("Hello Handbit", "I'am MixNo")) {
        EventRecorder client = new EventRecorder();
        Session tcpClient =
            open(
                engine.tcpClient(TcpClientConfig.connect(new HostPort("127.0.0.1", port))), client);
        client.next(SessionEvent.Listening.class);
        client.next(SessionEvent.Connected.class);
        tcpClient.send(text.getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
        client.next(SessionEvent.Sent.class);
        client.receiveText(text);
        tcpClient.shutdownOutput().get(5, TimeUnit.SECONDS);
        assertThat(client.skipTo(SessionEvent.Disconnected.class).reason())
            .isEqualTo(CloseReason.PEER_CLOSED);
        tcpClient.close().get(5, TimeUnit.SECONDS);
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> sim.stats().closed() == 2);
      Summary summary = sim.stop().get(10, TimeUnit.SECONDS);
      assertThat(summary.stats().launched()).isEqualTo(2);
      assertThat(summary.stats().closed()).isEqualTo(2);
      assertThat(summary.stats().bytesIn()).isEqualTo(summary.stats().bytesOut()).isEqualTo(23);
    }
  }

  @Test
  @Timeout(20)
  void udpServerRepliesAreCounted() throws Exception {
    SimulationConfig config =
        SimulationConfig.builder(Profile.UDP_SERVER).bind("127.0.0.1", 0).build();
    try (Simulation sim = new Simulation(config)) {
      int port = sim.start().get(5, TimeUnit.SECONDS).getPort();
      EventRecorder udp = new EventRecorder();
      Session session =
          open(
              engine.udp(
                  UdpConfig.bind("127.0.0.1", 0).withRemote(new HostPort("127.0.0.1", port))),
              udp);
      udp.next(SessionEvent.Listening.class);
      for (int i = 0; i < 3; i++) {
        session.send(("reading " + i).getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
        udp.next(SessionEvent.Sent.class);
        SessionEvent.Received reply = udp.next(SessionEvent.Received.class);
        assertThat(new String(reply.data(), StandardCharsets.UTF_8)).isEqualTo("hello,i am server");
        assertThat(reply.peer().address().getPort()).isEqualTo(port);
      }
      assertThat(session.counters().messagesIn()).isEqualTo(3);
      Summary summary = sim.stop().get(10, TimeUnit.SECONDS);
      assertThat(summary.stats().messagesIn()).isEqualTo(3);
      assertThat(summary.stats().messagesOut()).isEqualTo(3);
      udp.assertExhausted();
    }
  }

  @Test
  @Timeout(20)
  void udpClientCountsReplies() throws Exception {
    Session udpServer =
        engine.udp(UdpConfig.bind("127.0.0.1", 0).withActions(AutoActions.echo(new byte[0])));
    udpServer.open().get(5, TimeUnit.SECONDS);
    SimulationConfig config =
        SimulationConfig.builder(Profile.UDP_CLIENT)
            .target(loopback(udpServer))
            .count(3)
            .messages(5)
            .interval(Duration.ofMillis(20))
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    try (Simulation sim = new Simulation(config)) {
      sim.start().get(5, TimeUnit.SECONDS);
      Summary summary = sim.done().get(15, TimeUnit.SECONDS);
      assertThat(summary.stats().messagesOut()).isEqualTo(15);
      assertThat(summary.stats().messagesIn()).isEqualTo(15);
      assertThat(summary.stats().rttCount()).isBetween(1L, 15L);
      assertThat(summary.stats().closed()).isEqualTo(3);
      assertThat(summary.errors()).isEmpty();
    }
    assertThat(udpServer.counters().messagesIn()).isEqualTo(15);
    assertThat(udpServer.peers()).hasSize(3);
  }

  @Test
  @Timeout(20)
  void periodicClientAlternatesItsPayloads() throws Exception {
    EventRecorder server = new EventRecorder();
    Session tcpServer = open(engine.tcpServer(TcpServerConfig.listen("127.0.0.1", 0)), server);
    server.next(SessionEvent.Listening.class);
    SimulationConfig config =
        SimulationConfig.builder(Profile.PERIODIC_CLIENT)
            .target(loopback(tcpServer))
            .messages(4)
            .interval(Duration.ofMillis(30))
            .build();
    try (Simulation sim = new Simulation(config)) {
      sim.start().get(5, TimeUnit.SECONDS);
      server.next(SessionEvent.Connected.class);
      server.receiveText("Hello HandbitI'am MixNoHello HandbitI'am MixNo");
      assertThat(server.next(SessionEvent.Disconnected.class).reason())
          .isEqualTo(CloseReason.PEER_CLOSED);
      Summary summary = sim.done().get(10, TimeUnit.SECONDS);
      assertThat(summary.stats().messagesOut()).isEqualTo(4);
      assertThat(summary.stats().closed()).isEqualTo(1);
    }
    server.assertExhausted();
  }

  @Test
  @Timeout(20)
  void hexPayloadsGetTheChecksumAndPlaceholders() throws Exception {
    EventRecorder server = new EventRecorder();
    Session tcpServer = open(engine.tcpServer(TcpServerConfig.listen("127.0.0.1", 0)), server);
    server.next(SessionEvent.Listening.class);
    SendFormat hex = SendFormat.hex().withChecksum(Checksum.CRC16_MODBUS);
    SimulationConfig config =
        SimulationConfig.builder(Profile.PERIODIC_CLIENT)
            .target(loopback(tcpServer))
            .messages(1)
            .payloads(List.of("01 03 00 00 00 0{id}"))
            .encoder(hex::encode)
            .build();
    try (Simulation sim = new Simulation(config)) {
      sim.start().get(5, TimeUnit.SECONDS);
      server.next(SessionEvent.Connected.class);
      SessionEvent.Received got = server.next(SessionEvent.Received.class);
      assertThat(Hex.format(got.data())).isEqualTo("01 03 00 00 00 01 84 0A");
      sim.done().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @Timeout(20)
  void sensorCsvLinesParseAndSeqHasNoGaps() throws Exception {
    EventRecorder server = new EventRecorder();
    Session tcpServer = open(engine.tcpServer(TcpServerConfig.listen("127.0.0.1", 0)), server);
    server.next(SessionEvent.Listening.class);
    int devices = 3;
    int readings = 20;
    SimulationConfig config =
        SimulationConfig.builder(Profile.SENSOR)
            .target(loopback(tcpServer))
            .count(devices)
            .messages(readings)
            .interval(Duration.ofMillis(10))
            .sensorFormat(SensorFormat.CSV)
            .build();
    Map<Integer, StringBuilder> streams = new HashMap<>();
    int closed = 0;
    try (Simulation sim = new Simulation(config)) {
      sim.start().get(5, TimeUnit.SECONDS);
      while (closed < devices) {
        SessionEvent e = server.next();
        if (e instanceof SessionEvent.Received r) {
          streams
              .computeIfAbsent(r.peer().id(), id -> new StringBuilder())
              .append(new String(r.data(), StandardCharsets.UTF_8));
        } else if (e instanceof SessionEvent.Disconnected) {
          closed++;
        }
      }
      sim.done().get(10, TimeUnit.SECONDS);
    }
    assertThat(streams).hasSize(devices);
    for (StringBuilder stream : streams.values()) {
      String[] lines = stream.toString().split("\n", -1);
      assertThat(lines).hasSize(readings + 1);
      assertThat(lines[readings]).isEmpty();
      String device = lines[0].split(",")[0];
      assertThat(device).matches("sensor-[123]");
      for (int i = 0; i < readings; i++) {
        String[] f = lines[i].split(",");
        assertThat(f).hasSize(6);
        assertThat(f[0]).isEqualTo(device);
        assertThat(Long.parseLong(f[1])).isEqualTo(i + 1);
        assertThat(Long.parseLong(f[2])).isPositive();
        assertThat(Double.parseDouble(f[3])).isBetween(5.0, 45.0);
        assertThat(Double.parseDouble(f[4])).isBetween(0.0, 100.0);
        assertThat(Double.parseDouble(f[5])).isBetween(950.0, 1070.0);
      }
    }
  }
}
