package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.testing.ExternalTools;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --capture} as a user runs it, checked with tshark. */
@Timeout(60)
class CaptureCliTest {
  @TempDir Path dir;

  @Test
  void aTcpServerCapturesBothDirectionsIntoAFileTsharkReads() throws Exception {
    Path tshark = ExternalTools.require("tshark", "tshark");
    Path pcap = dir.resolve("board.pcap");
    try (CliRun cli = CliRun.jsonTcpServer("--capture", pcap.toString())) {
      int port = cli.listeningPort();
      try (Socket board = new Socket(InetAddress.getLoopbackAddress(), port)) {
        board.setSoTimeout(10_000);
        cli.event("connected");
        board.getOutputStream().write("Hello WalnutPi!".getBytes(StandardCharsets.UTF_8));
        cli.event("received");
        cli.type("hi board");
        assertThat(board.getInputStream().readNBytes(8)).isEqualTo(utf8("hi board"));
      }
      cli.event("closed");
    }
    String payloads = dataPackets(tshark, pcap, "tcp.payload");
    assertThat(
            payloads
                .lines()
                .map(
                    line ->
                        new String(
                            HexFormat.of().parseHex(line.replace(":", "")),
                            StandardCharsets.UTF_8)))
        .containsExactly("Hello WalnutPi!", "hi board");
  }

  @Test
  void simulatedDevicesGoIntoOneCapture() throws Exception {
    Path tshark = ExternalTools.require("tshark", "tshark");
    Path pcap = dir.resolve("fleet.pcap");
    try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        CliRun cli =
            CliRun.piped(
                new byte[0],
                "simulate",
                "periodic-client",
                "127.0.0.1:" + server.getLocalPort(),
                "-n",
                "3",
                "--messages",
                "2",
                "--every",
                "20ms",
                "--send",
                "dev {id} #{seq}",
                "--line-ending",
                "lf",
                "--json",
                "--capture",
                pcap.toString())) {
      List<Socket> boards = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Socket board = server.accept();
        boards.add(board);
      }
      for (Socket board : boards) {
        board.setSoTimeout(10_000);
        assertThat(board.getInputStream().readAllBytes()).hasSize(2 * "dev 1 #1\n".length());
        board.close();
      }
      cli.event("summary");
      assertThat(cli.exitCode()).isZero();
    }
    String lines = dataPackets(tshark, pcap, "tcp.stream", "tcp.payload");
    assertThat(lines.lines().count()).isEqualTo(6);
    assertThat(lines.lines().map(l -> l.split("\t")[0]).distinct().count()).isEqualTo(3);
  }

  @Test
  void aCaptureFileThatCannotBeWrittenIsBadInputInOneLine() {
    Path missing = dir.resolve("no-such-folder").resolve("x.pcap");
    CliParsingTest.Result result =
        CliParsingTest.run("tcp-server", "--port", "0", "--capture", missing.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err().strip())
        .isEqualTo(
            "socketdesk: cannot write "
                + missing
                + ": its folder does not exist; choose a writable path");
  }

  @Test
  void aCaptureSizeOutOfRangeIsBadInput() {
    CliParsingTest.Result result =
        CliParsingTest.run(
            "udp",
            "--port",
            "0",
            "--capture",
            dir.resolve("u.pcap").toString(),
            "--capture-max",
            "10k");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("capture file size 10240 bytes is out of range");
  }

  /** One line per TCP segment with data: the given fields, tab-separated, as tshark reads them. */
  private static String dataPackets(Path tshark, Path pcap, String... fields) {
    List<String> command =
        new ArrayList<>(
            List.of(tshark.toString(), "-r", pcap.toString(), "-Y", "tcp.len > 0", "-T", "fields"));
    for (String field : fields) {
      command.add("-e");
      command.add(field);
    }
    return new String(ExternalTools.run(command, 30), StandardCharsets.US_ASCII);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
