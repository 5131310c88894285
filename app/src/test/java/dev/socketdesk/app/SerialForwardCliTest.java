package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.app.internal.Stdio;
import dev.socketdesk.engine.testing.PtyPair;
import dev.socketdesk.engine.testing.SerialBoard;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The serial and forward commands, against socat pseudo-terminals and loopback sockets. */
@Timeout(60)
class SerialForwardCliTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Stdio noInput =
        new Stdio(new ByteArrayInputStream(new byte[0]), false, StandardCharsets.UTF_8, false);
    int code =
        Main.commandLine(noInput, new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void typedLinesReachTheBoardAndItsAnswerIsOneMessage() {
    try (PtyPair pty = new PtyPair(dir);
        SerialBoard board = SerialBoard.start(pty.b, "text", dir);
        CliRun cli =
            CliRun.interactive(
                "serial",
                pty.a.toString(),
                "--baud",
                "57600",
                "--line-ending",
                "lf",
                "--json",
                "--input",
                "lines")) {
      cli.event("connected");
      cli.type("hello");
      assertThat(cli.event("received").path("text").asText()).isEqualTo("Hello from board!\\r\\n");
      cli.type("/dtr off");
      assertThat(cli.line(l -> l.contains("DTR"))).contains("has no DTR line");
    }
  }

  @Test
  void badSettingsAndMissingPortsAreOneLineWithTheFix() throws Exception {
    Result parity = run("serial", "/dev/ttyS0", "--parity", "high");
    assertThat(parity.code()).isEqualTo(2);
    assertThat(parity.err())
        .isEqualTo("socketdesk: --parity 'high' is not one of none, odd, even, mark, space\n");

    Result stop = run("serial", "/dev/ttyS0", "--stop-bits", "3");
    assertThat(stop.code()).isEqualTo(2);
    assertThat(stop.err()).contains("--stop-bits '3' is not 1, 1.5 or 2");

    Result missing = run("serial", dir.resolve("ttyUSB7").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err())
        .startsWith("socketdesk: serial port " + dir.resolve("ttyUSB7") + " does not exist; ")
        .endsWith("(serial --list describes them)\n");

    Path file = dir.resolve("board.txt");
    java.nio.file.Files.writeString(file, "a regular file");
    Result notAPort = run("serial", file.toString());
    assertThat(notAPort.code()).as("a path that is no port is bad input").isEqualTo(2);
    assertThat(notAPort.err())
        .as("a regular file is no serial port, not a port refusing 115200 baud")
        .isEqualTo(
            "socketdesk: "
                + file
                + " is not a serial port; give the port's device, such as /dev/ttyUSB0 or"
                + " /dev/ttyACM0, or a pseudo-terminal's path (serial --list describes them)\n");

    Result reconnecting = run("serial", file.toString(), "--reconnect");
    assertThat(reconnecting.code())
        .as("reopening cannot make a file a port: the run gives up as bad input")
        .isEqualTo(2);
    assertThat(reconnecting.out() + reconnecting.err())
        .containsOnlyOnce(file + " is not a serial port; ");

    Result noPort = run("serial");
    assertThat(noPort.code()).isEqualTo(2);
    assertThat(noPort.err()).contains("no serial port given").contains("serial --list");
  }

  @Test
  void listingPortsExitsZero() {
    Result list = run("serial", "--list");
    assertThat(list.code()).isZero();
    assertThat(list.out()).isNotBlank();
  }

  @Test
  void forwardRelaysAClientToASerialBoardAndLogsBothDirections() throws Exception {
    try (PtyPair pty = new PtyPair(dir);
        SerialBoard board = SerialBoard.start(pty.b, "text", dir);
        CliRun cli =
            CliRun.interactive(
                "forward",
                "--bind",
                "127.0.0.1",
                "--port",
                "0",
                "serial:" + pty.a + "?baud=115200",
                "--json",
                "--input",
                "lines",
                "--group-delimiter",
                "\\n")) {
      int port = cli.listeningPort();
      try (Socket client = new Socket()) {
        client.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        client.setSoTimeout(10_000);
        client.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(cli.event("received").path("hex").asText()).isEqualTo("68 65 6C 6C 6F 0A");
        assertThat(cli.event("sent").path("text").asText()).isEqualTo("Hello from board!\\r\\n");
        InputStream in = client.getInputStream();
        byte[] answer = in.readNBytes("Hello from board!\r\n".length());
        assertThat(new String(answer, StandardCharsets.US_ASCII))
            .isEqualTo("Hello from board!\r\n");
      }
    }
  }

  @Test
  void forwardRewritesAndDropsEachWayAndLogsTheClientsWire() throws Exception {
    try (ServerSocket echo = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> echoing =
          CompletableFuture.runAsync(
              () -> {
                try (Socket s = echo.accept()) {
                  s.getInputStream().transferTo(s.getOutputStream());
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      try (CliRun cli =
          CliRun.interactive(
              "forward",
              "--bind",
              "127.0.0.1",
              "--port",
              "0",
              "127.0.0.1:" + echo.getLocalPort(),
              "--rewrite",
              "to-target:ping=>PING",
              "--drop",
              "to-client:hex:21",
              "--json",
              "--input",
              "lines")) {
        int port = cli.listeningPort();
        try (Socket client = new Socket()) {
          client.connect(new InetSocketAddress("127.0.0.1", port), 5000);
          client.setSoTimeout(10_000);
          client.getOutputStream().write("ping!\n".getBytes(StandardCharsets.US_ASCII));
          assertThat(cli.event("received").path("text").asText()).isEqualTo("ping!\\n");
          assertThat(cli.event("sent").path("text").asText()).isEqualTo("PING\\n");
          byte[] answer = client.getInputStream().readNBytes("PING\n".length());
          assertThat(new String(answer, StandardCharsets.US_ASCII)).isEqualTo("PING\n");
        }
      }
      echoing.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void editsWithoutADirectionOrReplacementAreOneLineWithTheFix() {
    Result noDirection = run("forward", "--port", "0", "127.0.0.1:9", "--rewrite", "ping=>PING");
    assertThat(noDirection.code()).isEqualTo(2);
    assertThat(noDirection.err())
        .isEqualTo(
            "socketdesk: --rewrite 'ping=>PING' does not start with a direction; begin with"
                + " to-target: or to-client:, e.g. 'to-target:ping=>PING'\n");

    Result empty = run("forward", "--port", "0", "127.0.0.1:9", "--rewrite", "to-client:x=>");
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).contains("empty replacement").contains("--drop 'to-client:x'");

    Result badRegex = run("forward", "--port", "0", "127.0.0.1:9", "--drop", "to-target:(");
    assertThat(badRegex.code()).isEqualTo(2);
    assertThat(badRegex.err()).contains("--drop pattern '(' is not a valid regex");
  }

  @Test
  void anUnknownKindOfTargetIsRefusedAtOnceWithTheFormsThatWork() {
    Result mqtt = run("forward", "--port", "0", "mqtt://cloud.example:1883");
    assertThat(mqtt.code()).isEqualTo(2);
    assertThat(mqtt.err()).contains("mqtt:// is not a kind of target; use HOST:PORT, tls://");
  }

  @Test
  void tlsOptionsWithATargetWithoutTlsAreRefusedAtOnce() {
    Result plain = run("forward", "--port", "0", "127.0.0.1:9", "--insecure");
    assertThat(plain.code()).isEqualTo(2);
    assertThat(plain.err()).contains("apply to a tls:// or wss:// target");
  }
}
