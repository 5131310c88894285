package dev.socketdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.testing.EventRecorder;
import dev.socketdesk.engine.testing.ExternalTools;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Captures are checked with Debian's tshark, as a user would open them in Wireshark. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CaptureTest {
  private static final int STREAM = 16 << 20;

  @TempDir Path dir;

  @Test
  void twoEchoedStreamsOf16MiBReassembleFromTheCaptureByteForByteInBothDirections()
      throws Exception {
    Path tshark = ExternalTools.require("tshark", "tshark");
    Path pcap = dir.resolve("echo.pcap");
    byte[][] sent = new byte[2][];
    try (Engine engine = Engine.create(2)) {
      Session server =
          engine.tcpServer(
              TcpServerConfig.listen("127.0.0.1", 0).withActions(AutoActions.echo(new byte[0])));
      server.startCapture(CaptureOptions.to(pcap));
      int port = server.open().get(10, TimeUnit.SECONDS).getPort();
      List<CompletableFuture<byte[]>> echoes = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        sent[i] = new byte[STREAM];
        new Random(100 + i).nextBytes(sent[i]);
        byte[] data = sent[i];
        echoes.add(CompletableFuture.supplyAsync(() -> exchange(port, data)));
      }
      for (int i = 0; i < 2; i++) {
        assertThat(sha256(echoes.get(i).get(120, TimeUnit.SECONDS))).isEqualTo(sha256(sent[i]));
      }
      server.close().get(10, TimeUnit.SECONDS);
    }
    for (int stream = 0; stream < 2; stream++) {
      String follow =
          new String(
              ExternalTools.run(
                  List.of(
                      tshark.toString(),
                      "-r",
                      pcap.toString(),
                      "-q",
                      "-z",
                      "follow,tcp,raw," + stream),
                  120),
              StandardCharsets.US_ASCII);
      byte[][] directions = followedBytes(follow);
      String toServer = sha256(directions[0]);
      assertThat(toServer).isIn(sha256(sent[0]), sha256(sent[1]));
      assertThat(sha256(directions[1])).as("what came back").isEqualTo(toServer);
    }
  }

  @Test
  void aThousandDatagramsOfVariedSizesAreEachCaptured() throws Exception {
    Path tshark = ExternalTools.require("tshark", "tshark");
    Path pcap = dir.resolve("udp.pcap");
    Random random = new Random(5);
    long bytes = 0;
    try (Engine engine = Engine.create(2);
        DatagramSocket board = new DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
      EventRecorder events = new EventRecorder();
      Session udp = engine.udp(UdpConfig.bind("127.0.0.1", 0));
      udp.addListener(events);
      udp.startCapture(CaptureOptions.to(pcap));
      int port = udp.open().get(10, TimeUnit.SECONDS).getPort();
      for (int i = 0; i < 1000; i++) {
        byte[] payload = new byte[1 + random.nextInt(i % 100 == 0 ? 60_000 : 1400)];
        bytes += payload.length;
        board.send(
            new DatagramPacket(payload, payload.length, new InetSocketAddress("127.0.0.1", port)));
        events.skipTo(SessionEvent.Received.class);
      }
      udp.close().get(10, TimeUnit.SECONDS);
    }
    String lengths =
        new String(
            ExternalTools.run(
                List.of(
                    tshark.toString(), "-r", pcap.toString(), "-T", "fields", "-e", "udp.length"),
                60),
            StandardCharsets.US_ASCII);
    long[] udpLengths = lengths.lines().mapToLong(Long::parseLong).toArray();
    assertThat(udpLengths).hasSize(1000);
    assertThat(java.util.Arrays.stream(udpLengths).map(n -> n - 8).sum()).isEqualTo(bytes);
  }

  @Test
  void aSmallSizeLimitRotatesIntoARingOfReadableFiles() throws Exception {
    Path tshark = ExternalTools.require("tshark", "tshark");
    Path pcap = dir.resolve("ring.pcap");
    CaptureOptions ring = CaptureOptions.to(pcap).withMaxFileBytes(1 << 20).withMaxFiles(3);
    try (Engine engine = Engine.create(2)) {
      Session server =
          engine.tcpServer(
              TcpServerConfig.listen("127.0.0.1", 0).withActions(AutoActions.echo(new byte[0])));
      server.startCapture(ring);
      int port = server.open().get(10, TimeUnit.SECONDS).getPort();
      byte[] data = new byte[3 << 20];
      new Random(9).nextBytes(data);
      assertThat(exchange(port, data)).isEqualTo(data);
      server.close().get(10, TimeUnit.SECONDS);
    }
    try (var files = Files.list(dir)) {
      List<Path> kept = files.sorted().toList();
      assertThat(kept).hasSize(3);
      int newest = kept.stream().mapToInt(CaptureTest::number).max().orElseThrow();
      assertThat(newest).as("6 MiB in 1 MiB files").isGreaterThanOrEqualTo(6);
      for (Path file : kept) {
        assertThat(number(file)).isGreaterThan(newest - 3);
        assertThat(Files.size(file)).isLessThanOrEqualTo(1 << 20);
        ExternalTools.run(List.of(tshark.toString(), "-r", file.toString(), "-q"), 60);
      }
    }
  }

  private static int number(Path file) {
    String name = file.getFileName().toString();
    return name.equals("ring.pcap")
        ? 1
        : Integer.parseInt(name.substring("ring-".length(), name.length() - ".pcap".length()));
  }

  /** Sends {@code data} while reading the echo; returns what came back before the server closed. */
  private static byte[] exchange(int port, byte[] data) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      CompletableFuture<Void> writing =
          CompletableFuture.runAsync(
              () -> {
                try {
                  OutputStream out = socket.getOutputStream();
                  out.write(data);
                  socket.shutdownOutput();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      InputStream in = socket.getInputStream();
      byte[] back = in.readAllBytes();
      writing.get(60, TimeUnit.SECONDS);
      return back;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** tshark's raw follow output: client-to-server lines, then (indented) server-to-client. */
  private static byte[][] followedBytes(String follow) {
    java.io.ByteArrayOutputStream toServer = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream toClient = new java.io.ByteArrayOutputStream();
    boolean inData = false;
    for (String line : follow.lines().toList()) {
      if (line.startsWith("Node 1:")) {
        inData = true;
        continue;
      }
      if (!inData || line.startsWith("=====") || line.isBlank()) {
        continue;
      }
      if (line.startsWith("\t")) {
        toClient.writeBytes(HexFormat.of().parseHex(line.strip()));
      } else {
        toServer.writeBytes(HexFormat.of().parseHex(line.strip()));
      }
    }
    return new byte[][] {toServer.toByteArray(), toClient.toByteArray()};
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }
}
