package dev.socketdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socketdesk.engine.codec.Checksum;
import dev.socketdesk.engine.codec.Hex;
import dev.socketdesk.engine.simulate.Profile;
import dev.socketdesk.engine.simulate.Simulation;
import dev.socketdesk.engine.simulate.SimulationConfig;
import dev.socketdesk.engine.testing.EventRecorder;
import dev.socketdesk.engine.testing.ExternalTools;
import dev.socketdesk.engine.testing.PtyPair;
import dev.socketdesk.engine.testing.SerialBoard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Serial sessions against a board program on the far end of a socat pseudo-terminal pair. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SerialSessionTest {
  @TempDir Path dir;

  private Engine engine;
  private PtyPair pty;
  private final EventRecorder events = new EventRecorder();

  @BeforeEach
  void setUp() {
    pty = new PtyPair(dir);
    engine = Engine.create(1);
  }

  @AfterEach
  void tearDown() {
    engine.close();
    pty.close();
  }

  private Session open(SerialConfig config) throws Exception {
    Session session = engine.serial(config);
    session.addListener(events);
    session.open().get(10, TimeUnit.SECONDS);
    assertThat(events.skipTo(SessionEvent.Listening.class)).isNotNull();
    assertThat(events.next(SessionEvent.Connected.class).peer().hostPort())
        .isEqualTo(pty.a.toString());
    return session;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private String nextMessage() {
    return new String(events.skipTo(SessionEvent.Received.class).data(), StandardCharsets.US_ASCII);
  }

  @Test
  void theTutorialBoardAnswersAndEachBurstIsOneMessage() throws Exception {
    try (SerialBoard board = SerialBoard.start(pty.b, "text", dir)) {
      Session session =
          open(
              SerialConfig.open(pty.a.toString(), 115200)
                  .withGrouping(Grouping.idle(Duration.ofMillis(100))));
      session.send(ascii("hello\n")).get(10, TimeUnit.SECONDS);
      assertThat(nextMessage()).isEqualTo("Hello from board!\r\n");
      session.send(ascii("burst\n")).get(10, TimeUnit.SECONDS);
      assertThat(nextMessage()).isEqualTo("ABCDEF\r\n");
      assertThat(nextMessage()).isEqualTo("GH");
      session.setGrouping(Grouping.delimiter(ascii("\n")));
      session.send(ascii("one\ntwo\n")).get(10, TimeUnit.SECONDS);
      assertThat(nextMessage()).isEqualTo("I got:one\r\n");
      assertThat(nextMessage()).isEqualTo("I got:two\r\n");
    }
  }

  @Test
  void aCaptureHoldsBothDirectionsAsATcpStreamToTheDevice() throws Exception {
    Path tshark = ExternalTools.require("tshark", "tshark");
    Path pcap = dir.resolve("serial.pcap");
    try (SerialBoard board = SerialBoard.start(pty.b, "text", dir)) {
      Session session = open(SerialConfig.open(pty.a.toString(), 115200));
      session.startCapture(CaptureOptions.to(pcap));
      session.send(ascii("hello\n")).get(10, TimeUnit.SECONDS);
      assertThat(nextMessage()).isEqualTo("Hello from board!\r\n");
      session.stopCapture();
    }
    String packets =
        new String(
            ExternalTools.run(
                List.of(
                    tshark.toString(),
                    "-r",
                    pcap.toString(),
                    "-Y",
                    "tcp.len > 0",
                    "-T",
                    "fields",
                    "-e",
                    "ip.src",
                    "-e",
                    "tcp.payload"),
                30),
            StandardCharsets.US_ASCII);
    assertThat(packets.lines())
        .containsExactly(
            "127.0.0.1\t" + Hex.formatCompact(ascii("hello\n")).toLowerCase(Locale.ROOT),
            "127.0.0.2\t"
                + Hex.formatCompact(ascii("Hello from board!\r\n")).toLowerCase(Locale.ROOT));
  }

  @Test
  void theModbusBoardAnswersAFrameWithItsCrc() throws Exception {
    try (SerialBoard board = SerialBoard.start(pty.b, "modbus", dir)) {
      Session session = open(SerialConfig.open(pty.a.toString(), 9600));
      byte[] request = Hex.parse("01 03 00 10 00 02");
      byte[] framed = concat(request, Checksum.CRC16_MODBUS.compute(request));
      session.send(framed).get(10, TimeUnit.SECONDS);
      byte[] answer = events.skipTo(SessionEvent.Received.class).data();
      byte[] body = Hex.parse("01 03 04 01 10 01 11");
      assertThat(answer).isEqualTo(concat(body, Checksum.CRC16_MODBUS.compute(body)));

      framed[framed.length - 1] ^= 0x55;
      session.send(framed).get(10, TimeUnit.SECONDS);
      byte[] refused = events.skipTo(SessionEvent.Received.class).data();
      assertThat(Hex.format(refused).substring(0, 8)).isEqualToIgnoringCase("01 83 08");
    }
  }

  /**
   * A Linux pseudo-terminal keeps the speed, the stop bits, parity checking and flow control as
   * set, but always reports 8 data bits without a parity bit (the pty driver forces them).
   */
  @Test
  void theSettingsReachThePseudoTerminalAsFarAsItShowsThem() throws Exception {
    Path stty = ExternalTools.require("stty", "coreutils");
    Session session =
        open(
            SerialConfig.open(pty.a.toString(), 57600)
                .withFrame(7, SerialConfig.Parity.EVEN, SerialConfig.StopBits.TWO)
                .withFlow(SerialConfig.FlowControl.RTS_CTS));
    assertThat(stty(stty))
        .contains("speed 57600 baud")
        .contains(" cstopb")
        .contains(" inpck")
        .contains(" crtscts");
    session.close().get(10, TimeUnit.SECONDS);

    open(
        SerialConfig.open(pty.a.toString(), 1_500_000).withFlow(SerialConfig.FlowControl.XON_XOFF));
    assertThat(stty(stty))
        .contains("speed 1500000 baud")
        .contains(" -cstopb")
        .contains(" -inpck")
        .contains(" -crtscts")
        .contains(" ixon")
        .contains(" ixoff");
  }

  private String stty(Path stty) {
    return new String(
        ExternalTools.run(List.of(stty.toString(), "-F", pty.a.toString(), "-a"), 10),
        StandardCharsets.US_ASCII);
  }

  @Test
  void aSpeedTheSystemRefusesIsNamed() {
    Session session = engine.serial(SerialConfig.open(pty.a.toString(), 123_457));
    assertThatThrownBy(() -> session.open().get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(
            SessionException.class,
            e -> assertThat(e.kind()).isEqualTo(SessionException.Kind.SERIAL_UNSUPPORTED))
        .hasMessage(
            "serial port "
                + pty.a
                + " does not support 123457 baud 8N1 with none flow control; try a standard"
                + " setting such as 115200 baud, 8N1 and no flow control");
  }

  @Test
  void aCharacterDeviceThatIsNoTerminalIsNamedAsNoSerialPort() {
    Assumptions.assumeTrue(java.nio.file.Files.exists(Path.of("/dev/null")));
    Session session = engine.serial(SerialConfig.open("/dev/null", 115_200));
    assertThatThrownBy(() -> session.open().get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(
            SessionException.class,
            e -> assertThat(e.kind()).isEqualTo(SessionException.Kind.SERIAL_NOT_A_PORT))
        .hasMessageStartingWith("/dev/null is not a serial port; ")
        .message()
        .doesNotContain("115200");
  }

  @Test
  void aDisappearedPortIsReopenedWithReconnect() throws Exception {
    Session session =
        open(
            SerialConfig.open(pty.a.toString(), 115200)
                .withReconnect(true)
                .withReconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(300)));
    pty.stop();
    SessionEvent.Error lost = events.skipTo(SessionEvent.Error.class);
    assertThat(lost.message())
        .as("one line naming the port once, no peer prefix of its own")
        .isEqualTo("serial port " + pty.a + " is gone (unplugged, or its program ended)");
    assertThat(lost.code()).isEqualTo("serial-gone");
    SessionEvent.Disconnected gone = events.skipTo(SessionEvent.Disconnected.class);
    assertThat(gone.reason()).isEqualTo(CloseReason.ERROR);
    assertThat(events.skipTo(SessionEvent.Reconnecting.class).cause()).isNotBlank();
    assertThat(session.state()).isEqualTo(SessionState.RECONNECTING);
    SessionEvent.Reconnecting reopenFailed = events.next(SessionEvent.Reconnecting.class);
    assertThat(reopenFailed.code()).isEqualTo("serial-not-found");
    assertThat(reopenFailed.params()).containsEntry("path", pty.a.toString());

    pty.start();
    try (SerialBoard board = SerialBoard.start(pty.b, "text", dir)) {
      SessionEvent.Connected again = events.skipTo(SessionEvent.Connected.class);
      assertThat(again.peer().id()).isEqualTo(2);
      session.send(ascii("hello\n")).get(10, TimeUnit.SECONDS);
      assertThat(nextMessage()).isEqualTo("Hello from board!\r\n");
    }
  }

  @Test
  void theSimulatorsSerialEchoBoardEchoesOnAPtyPath() throws Exception {
    SimulationConfig config =
        SimulationConfig.builder(Profile.SERIAL_ECHO_BOARD)
            .serial(SerialConfig.open(pty.b.toString(), 115200).withGrouping(Grouping.NONE))
            .threads(1)
            .build();
    try (Simulation board = new Simulation(config)) {
      assertThat(HostPort.format(board.start().get(10, TimeUnit.SECONDS)))
          .isEqualTo(pty.b.toString());
      Session session =
          open(
              SerialConfig.open(pty.a.toString(), 115200)
                  .withGrouping(Grouping.delimiter(ascii("\n"))));
      session.send(ascii("ping 1\nping 2\n")).get(10, TimeUnit.SECONDS);
      assertThat(nextMessage()).isEqualTo("ping 1\n");
      assertThat(nextMessage()).isEqualTo("ping 2\n");
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> board.stats().bytesIn() == 14 && board.stats().bytesOut() == 14);
    }
  }

  @Test
  void aMissingPortIsNamedWithTheOnesThatExist() {
    Session session = engine.serial(SerialConfig.open(dir.resolve("ttyUSB9").toString(), 115200));
    assertThatThrownBy(() -> session.open().get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .hasMessageContaining("ttyUSB9 does not exist; the system ");
  }

  @Test
  void aRegularFileIsNamedAsNoSerialPortNotAsARefusedSpeed() throws Exception {
    Path file = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "not a port");
    Session session = engine.serial(SerialConfig.open(file.toString(), 115200));
    assertThatThrownBy(() -> session.open().get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(
            SessionException.class,
            e -> assertThat(e.kind()).isEqualTo(SessionException.Kind.SERIAL_NOT_A_PORT))
        .hasMessage(
            file
                + " is not a serial port; give the port's device, such as /dev/ttyUSB0 or"
                + " /dev/ttyACM0, or a pseudo-terminal's path");
  }

  @Test
  void aPortAnotherSessionHoldsIsBusy() throws Exception {
    open(SerialConfig.open(pty.a.toString(), 115200));
    Session second = engine.serial(SerialConfig.open(pty.a.toString(), 115200));
    assertThatThrownBy(() -> second.open().get(10, TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(
            SessionException.class,
            e -> assertThat(e.kind()).isEqualTo(SessionException.Kind.SERIAL_BUSY))
        .hasMessageContaining("is busy");
  }

  @Test
  void controlLinesAreForSerialSessionsOnly() {
    Session tcp = engine.tcpClient(TcpClientConfig.connect(HostPort.parse("127.0.0.1:9")));
    assertThatThrownBy(() -> tcp.setControlLine(ControlLine.DTR, true).get(5, TimeUnit.SECONDS))
        .cause()
        .hasMessageContaining("for serial ports; this is a TCP Client");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
