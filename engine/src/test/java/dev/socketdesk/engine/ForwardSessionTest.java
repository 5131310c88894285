package dev.socketdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socketdesk.engine.testing.EventRecorder;
import dev.socketdesk.engine.testing.PtyPair;
import dev.socketdesk.engine.testing.SerialBoard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Forward sessions between a board client on loopback and a server or a serial pty. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ForwardSessionTest {
  private static final int SIXTEEN_MIB = 16 << 20;

  private final Engine engine = Engine.create(2);
  private final EventRecorder events = new EventRecorder();
  private ServerSocket server;

  @AfterEach
  void tearDown() throws IOException {
    engine.close();
    if (server != null) {
      server.close();
    }
  }

  private ServerSocket listen() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    return server;
  }

  private Session forwardTo(ForwardTarget target) throws Exception {
    return forward(new ForwardConfig("127.0.0.1", 0, target, null, null));
  }

  private Session forward(ForwardConfig config) throws Exception {
    Session session = engine.forward(config);
    session.addListener(events);
    session.open().get(10, TimeUnit.SECONDS);
    return session;
  }

  private static Socket connect(Session session) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", session.localAddress().getPort()), 5000);
    socket.setSoTimeout(30_000);
    return socket;
  }

  private static ForwardTarget tcp(ServerSocket server) {
    return new ForwardTarget.Tcp(new HostPort("127.0.0.1", server.getLocalPort()));
  }

  /** Accepts one connection and echoes it until EOF, then half-closes, on a thread. */
  private static CompletableFuture<Void> echoOnce(ServerSocket server) {
    return CompletableFuture.runAsync(
        () -> {
          try (Socket s = server.accept()) {
            s.getInputStream().transferTo(s.getOutputStream());
            s.shutdownOutput();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @Test
  void sixteenMibEachWayArriveIntactThroughTheForward() throws Exception {
    CompletableFuture<Void> echo = echoOnce(listen());
    Session session = forwardTo(tcp(server));
    byte[] data = new byte[SIXTEEN_MIB];
    new Random(20261202L).nextBytes(data);
    try (Socket board = connect(session)) {
      CompletableFuture<Void> sending =
          CompletableFuture.runAsync(
              () -> {
                try {
                  OutputStream out = board.getOutputStream();
                  for (int at = 0; at < data.length; at += 64 * 1024) {
                    out.write(data, at, Math.min(64 * 1024, data.length - at));
                  }
                  board.shutdownOutput();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      MessageDigest received = MessageDigest.getInstance("SHA-256");
      long total = 0;
      InputStream in = board.getInputStream();
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) >= 0; ) {
        received.update(buf, 0, n);
        total += n;
      }
      sending.get(30, TimeUnit.SECONDS);
      echo.get(30, TimeUnit.SECONDS);
      assertThat(total).isEqualTo(SIXTEEN_MIB);
      assertThat(received.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
    }
    SessionEvent.Disconnected end = events.skipTo(SessionEvent.Disconnected.class);
    assertThat(end.counters().bytesIn()).isEqualTo(SIXTEEN_MIB);
    assertThat(end.counters().bytesOut()).isEqualTo(SIXTEEN_MIB);
    assertThat(session.counters().bytesIn()).isEqualTo(SIXTEEN_MIB);
  }

  @Test
  void theClientsHalfCloseReachesTheServerWhichStillAnswers() throws Exception {
    listen();
    CompletableFuture<String> serverSaw =
        CompletableFuture.supplyAsync(
            () -> {
              try (Socket s = server.accept()) {
                String got = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                s.getOutputStream().write(("after EOF: " + got).getBytes(StandardCharsets.UTF_8));
                return got;
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    Session session = forwardTo(tcp(server));
    try (Socket board = connect(session)) {
      board.getOutputStream().write("ping".getBytes(StandardCharsets.UTF_8));
      board.shutdownOutput();
      assertThat(serverSaw.get(10, TimeUnit.SECONDS)).isEqualTo("ping");
      assertThat(new String(board.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("after EOF: ping");
    }
  }

  @Test
  void theServersHalfCloseReachesTheClientWhichStillSends() throws Exception {
    listen();
    CompletableFuture<String> serverSaw =
        CompletableFuture.supplyAsync(
            () -> {
              try (Socket s = server.accept()) {
                s.getOutputStream().write("hello".getBytes(StandardCharsets.UTF_8));
                s.shutdownOutput();
                return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    Session session = forwardTo(tcp(server));
    try (Socket board = connect(session)) {
      assertThat(new String(board.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("hello");
      board.getOutputStream().write("bye".getBytes(StandardCharsets.UTF_8));
      board.shutdownOutput();
      assertThat(serverSaw.get(10, TimeUnit.SECONDS)).isEqualTo("bye");
      assertThat(board.getInputStream().read()).isEqualTo(-1);
    }
    assertThat(events.skipTo(SessionEvent.Disconnected.class).reason())
        .isEqualTo(CloseReason.PEER_CLOSED);
  }

  @Test
  void editsRewriteAndDropEachWayWhileTheLogShowsTheClientsWire() throws Exception {
    listen();
    CompletableFuture<String> serverSaw =
        CompletableFuture.supplyAsync(
            () -> {
              try (Socket s = server.accept()) {
                String got = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                s.getOutputStream().write((got + "secret=42;").getBytes(StandardCharsets.UTF_8));
                return got;
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    List<TrafficEdit> edits =
        List.of(
            TrafficEdit.rewrite(
                TrafficEdit.Direction.TO_TARGET,
                ReplyRule.regex("AT\\+RST\\r\\n", StandardCharsets.UTF_8, new byte[0])),
            TrafficEdit.rewrite(
                TrafficEdit.Direction.TO_TARGET, ReplyRule.bytes(ascii("ping"), ascii("PING"))),
            TrafficEdit.rewrite(
                TrafficEdit.Direction.TO_CLIENT,
                ReplyRule.regex("secret=\\d+", StandardCharsets.UTF_8, ascii("secret=***"))));
    Session session =
        forward(new ForwardConfig("127.0.0.1", 0, tcp(server), null, null).withEdits(edits));
    String sent = "ping AT+RST\r\nAT+GMR\r\n";
    try (Socket board = connect(session)) {
      OutputStream out = board.getOutputStream();
      for (String piece : List.of("pi", "ng AT+R", "ST\r\nAT+GMR\r\n")) {
        out.write(ascii(piece));
        out.flush();
      }
      board.shutdownOutput();
      assertThat(serverSaw.get(10, TimeUnit.SECONDS)).isEqualTo("PING AT+GMR\r\n");
      assertThat(new String(board.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("PING AT+GMR\r\nsecret=***;");
    }
    SessionEvent.Disconnected end = events.skipTo(SessionEvent.Disconnected.class);
    assertThat(end.counters().bytesIn()).as("what the client sent").isEqualTo(sent.length());
    assertThat(end.counters().bytesOut())
        .as("what the client was sent")
        .isEqualTo("PING AT+GMR\r\nsecret=***;".length());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void aRefusedTargetClosesTheClientAndTheLogSaysWhy() throws Exception {
    int closedPort;
    try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = gone.getLocalPort();
    }
    Session session = forwardTo(new ForwardTarget.Tcp(new HostPort("127.0.0.1", closedPort)));
    try (Socket board = connect(session)) {
      assertThat(board.getInputStream().read()).isEqualTo(-1);
    }
    SessionEvent.Error error = events.skipTo(SessionEvent.Error.class);
    assertThat(error.peer().id()).isEqualTo(1);
    assertThat(error.message())
        .startsWith("cannot reach the target 127.0.0.1:" + closedPort + ": ")
        .contains("refused")
        .endsWith("; closed the client's connection");
    assertThat(error.code()).isEqualTo("forward-target");
    assertThat(error.params())
        .containsEntry("target", "127.0.0.1:" + closedPort)
        .containsEntry("causeCode", "refused");
    assertThat(events.skipTo(SessionEvent.Disconnected.class).reason())
        .isEqualTo(CloseReason.LOCAL);
  }

  @Test
  void aTcpClientTalksToASerialBoard(@TempDir Path dir) throws Exception {
    try (PtyPair pty = new PtyPair(dir);
        SerialBoard board = SerialBoard.start(pty.b, "text", dir)) {
      Session session = forwardTo(ForwardTarget.parse("serial:" + pty.a + "?baud=115200"));
      try (Socket client = connect(session)) {
        client.getOutputStream().write("hello\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(readUntil(client.getInputStream(), "\n")).isEqualTo("Hello from board!\r\n");
      }
    }
  }

  @Test
  void targetsThatAreNotSupportedAreRefusedWithTheFormsThatWork() {
    assertThatThrownBy(() -> ForwardTarget.parse("mqtt://cloud.example:1883"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mqtt:// is not a kind of target")
        .hasMessageContaining("HOST:PORT, tls://HOST:PORT, ws://HOST:PORT/PATH");
    assertThat(ForwardTarget.parse("tls://cloud.example:8883"))
        .hasToString("tls://cloud.example:8883");
    assertThat(ForwardTarget.parse("wss://cloud.example/ws").secure()).isTrue();
    assertThatThrownBy(() -> ForwardTarget.parse("ws://cloud.example:0/ws"))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> ForwardTarget.parse("serial:/dev/ttyUSB0?baud=fast"))
        .hasMessageContaining("baud rate 'fast' is not a speed");
    assertThat(ForwardTarget.parse("serial:/dev/ttyUSB0?baud=9600&parity=even&stop-bits=2"))
        .hasToString("serial:/dev/ttyUSB0 9600 8E2");
  }

  private static String readUntil(InputStream in, String end) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    for (int i = 0; i < 4096; i++) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      got.write(b);
      if (got.toString(StandardCharsets.US_ASCII).endsWith(end)) {
        break;
      }
    }
    return got.toString(StandardCharsets.US_ASCII);
  }
}
