package dev.socketdesk.engine.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.socketdesk.engine.HostPort;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Simulated devices against plain java.net peers and against each other, on loopback. */
class SimulatorLoopbackTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  @Timeout(20)
  void afterStopTheFiguresStayAsTheyWereWhenItStopped() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, LOOPBACK)) {
      SimulationConfig clients =
          SimulationConfig.builder(Profile.ECHO_CLIENT)
              .target(new HostPort("127.0.0.1", listener.getLocalPort()))
              .count(3)
              .build();
      try (Simulation sim = new Simulation(clients)) {
        sim.start().get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.stats().connected() == 3);
        Summary summary = sim.stop().get(10, TimeUnit.SECONDS);
        assertThat(summary.stats().connected()).isEqualTo(3);
        assertThat(summary.stats().closed()).isZero();
        assertThat(sim.stats().connected()).isEqualTo(3);
        assertThat(sim.stats().closed()).isZero();
      }
    }
  }

  @Test
  @Timeout(20)
  void periodicClientsAgainstSimulatedEchoServerGetExactEchoes() throws Exception {
    try (Simulation server =
        new Simulation(
            SimulationConfig.builder(Profile.TCP_ECHO_SERVER).bind("127.0.0.1", 0).build())) {
      int port = server.start().get(5, TimeUnit.SECONDS).getPort();
      SimulationConfig clients =
          SimulationConfig.builder(Profile.PERIODIC_CLIENT)
              .target(new HostPort("127.0.0.1", port))
              .count(50)
              .messages(4)
              .interval(Duration.ofMillis(20))
              .payloads(List.of("dev {id} msg {seq};", "second"))
              .verifyEcho(true)
              .build();
      Summary summary;
      try (Simulation sim = new Simulation(clients)) {
        sim.start().get(5, TimeUnit.SECONDS);
        summary = sim.done().get(15, TimeUnit.SECONDS);
      }
      Stats s = summary.stats();
      assertThat(summary.errors()).isEmpty();
      assertThat(s.failed()).isZero();
      assertThat(s.closed()).isEqualTo(50);
      assertThat(s.messagesOut()).isEqualTo(200);
      assertThat(s.echoesVerified()).isEqualTo(200);
      assertThat(s.echoMismatches()).isZero();
      assertThat(s.rttCount()).isEqualTo(200);
      assertThat(s.rttP50Micros()).isPositive();
    }
  }

  @Test
  @Timeout(20)
  void refusedTargetIsReportedAsOneGroup() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, LOOPBACK)) {
      port = closed.getLocalPort();
    }
    SimulationConfig config =
        SimulationConfig.builder(Profile.PERIODIC_CLIENT)
            .target(new HostPort("127.0.0.1", port))
            .count(20)
            .build();
    try (Simulation sim = new Simulation(config)) {
      sim.start().get(5, TimeUnit.SECONDS);
      Summary summary = sim.done().get(10, TimeUnit.SECONDS);
      assertThat(summary.stats().failed()).isEqualTo(20);
      assertThat(summary.errors()).hasSize(1);
      ErrorGroup group = summary.errors().get(0);
      assertThat(group.cause()).isEqualTo(ErrorCause.REFUSED);
      assertThat(group.count()).isEqualTo(20);
      assertThat(group.describe()).startsWith("20 x connection refused").contains("listening");
      assertThat(summary.describe()).contains("errors: 20");
    }
  }

  @Test
  @Timeout(20)
  void sensorLinesParseAndSeqHasNoGaps() throws Exception {
    Pattern json =
        Pattern.compile(
            "\\{\"device\":\"sensor-(\\d+)\",\"seq\":(\\d+),\"ts\":(\\d+),"
                + "\"temperature\":(-?\\d+\\.\\d\\d),\"humidity\":(\\d+\\.\\d\\d),"
                + "\"pressure\":(\\d+\\.\\d\\d)\\}");
    try (ServerSocket listener = new ServerSocket(0, 5, LOOPBACK)) {
      SimulationConfig config =
          SimulationConfig.builder(Profile.SENSOR)
              .target(new HostPort("127.0.0.1", listener.getLocalPort()))
              .messages(30)
              .interval(Duration.ofMillis(5))
              .build();
      try (Simulation sim = new Simulation(config)) {
        sim.start().get(5, TimeUnit.SECONDS);
        try (Socket s = listener.accept()) {
          s.setSoTimeout(10_000);
          BufferedReader in =
              new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
          List<Double> temperatures = new ArrayList<>();
          for (int seq = 1; seq <= 30; seq++) {
            String line = in.readLine();
            Matcher m = json.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            assertThat(m.group(1)).isEqualTo("1");
            assertThat(Long.parseLong(m.group(2))).isEqualTo(seq);
            temperatures.add(Double.parseDouble(m.group(4)));
          }
          assertThat(in.readLine()).isNull();
          assertThat(temperatures).allSatisfy(t -> assertThat(t).isBetween(10.0, 40.0));
          assertThat(temperatures.stream().distinct().count()).isGreaterThan(1);
        }
        assertThat(sim.done().get(10, TimeUnit.SECONDS).stats().messagesOut()).isEqualTo(30);
      }
    }
  }

  @Test
  @Timeout(20)
  void udpServerAnswersEverySender() throws Exception {
    try (Simulation server =
            new Simulation(
                SimulationConfig.builder(Profile.UDP_SERVER).bind("127.0.0.1", 0).build());
        DatagramSocket client = new DatagramSocket(0, LOOPBACK)) {
      int port = server.start().get(5, TimeUnit.SECONDS).getPort();
      client.setSoTimeout(5000);
      for (int i = 0; i < 3; i++) {
        byte[] ping = ("ping " + i).getBytes(StandardCharsets.UTF_8);
        client.send(new DatagramPacket(ping, ping.length, new InetSocketAddress(LOOPBACK, port)));
        DatagramPacket reply = new DatagramPacket(new byte[64], 64);
        client.receive(reply);
        assertThat(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8))
            .isEqualTo("hello,i am server");
      }
      Summary summary = server.stop().get(5, TimeUnit.SECONDS);
      assertThat(summary.stats().messagesIn()).isEqualTo(3);
      assertThat(summary.stats().messagesOut()).isEqualTo(3);
    }
  }

  @Test
  @Timeout(20)
  void echoServerClosesOnEofThenServesTheNextClient() throws Exception {
    try (Simulation server =
        new Simulation(
            SimulationConfig.builder(Profile.TCP_ECHO_SERVER).bind("127.0.0.1", 0).build())) {
      int port = server.start().get(5, TimeUnit.SECONDS).getPort();
      for (String text : List.of("first client", "second client")) {
        try (Socket s = new Socket(LOOPBACK, port)) {
          s.setSoTimeout(5000);
          s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
          s.shutdownOutput();
          InputStream in = s.getInputStream();
          assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
        }
      }
      await().atMost(Duration.ofSeconds(5)).until(() -> server.stats().closed() == 2);
      Summary summary = server.stop().get(5, TimeUnit.SECONDS);
      assertThat(summary.stats().launched()).isEqualTo(2);
      assertThat(summary.stats().closed()).isEqualTo(2);
    }
  }
}
