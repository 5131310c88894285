package dev.socketdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.testing.EventRecorder;
import dev.socketdesk.engine.testing.ExternalTools;
import dev.socketdesk.engine.testing.TestCertificates;
import dev.socketdesk.engine.testing.ToolProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forward sessions to {@code tls://} and {@code ws://}/{@code wss://} targets on loopback: a
 * SocketDesk TLS echo server and Debian's {@code openssl s_server}, and a Python {@code websockets}
 * server (Debian's python3-websockets); bytes each way, half-closes, and targets that fail.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ForwardSecureTargetsTest {
  private static final int FOUR_MIB = 4 << 20;
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String PYTHON = "/usr/bin/python3";

  @TempDir Path dir;
  private final Engine engine = Engine.create(2);
  private final EventRecorder events = new EventRecorder();
  private TestCertificates certs;
  private TestCertificates.Pair leaf;

  @BeforeEach
  void certificates() {
    certs = new TestCertificates(dir, "target");
    leaf = certs.leaf("target");
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  private Session forwardTo(ForwardTarget target) throws Exception {
    Session session = engine.forward(new ForwardConfig("127.0.0.1", 0, target, null, null));
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

  private ForwardTarget tlsTarget(int port) {
    return new ForwardTarget.Tls(
        new HostPort("localhost", port), TlsConfig.client().withTrustedCa(certs.caFile()));
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }

  /**
   * Asserts that the forward closed the client's connection: an EOF, or a reset when what the
   * client sent was still unread (the kernel then resets instead of closing).
   */
  private static void assertClosed(Socket socket) {
    try {
      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    } catch (IOException e) {
      assertThat(e).hasMessage("Connection reset");
    }
  }

  /** Sends {@code data} on a thread, then half-closes. */
  private static CompletableFuture<Void> sendThenHalfClose(Socket socket, byte[] data) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            OutputStream out = socket.getOutputStream();
            for (int at = 0; at < data.length; at += 64 * 1024) {
              out.write(data, at, Math.min(64 * 1024, data.length - at));
            }
            socket.shutdownOutput();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @Test
  void fourMibEachWayThroughATlsTargetAndTheClientsHalfCloseEndsIt() throws Exception {
    Session echo =
        engine.tcpServer(
            TcpServerConfig.listen("127.0.0.1", 0)
                .withTls(TlsConfig.server(leaf.cert(), leaf.key()))
                .withActions(AutoActions.echo(new byte[0])));
    echo.open().get(10, TimeUnit.SECONDS);
    Session session = forwardTo(tlsTarget(echo.localAddress().getPort()));
    byte[] data = randomBytes(FOUR_MIB, 11);
    try (Socket board = connect(session)) {
      CompletableFuture<Void> sending = sendThenHalfClose(board, data);
      byte[] back = board.getInputStream().readAllBytes();
      sending.get(30, TimeUnit.SECONDS);
      assertThat(back.length).isEqualTo(FOUR_MIB);
      assertThat(sha256(back)).isEqualTo(sha256(data));
    }
    assertThat(events.skipTo(SessionEvent.Notice.class).message())
        .startsWith("target tls://localhost:" + echo.localAddress().getPort() + ": TLSv1.3 ")
        .contains("peer certificate CN=localhost");
    SessionEvent.Disconnected end = events.skipTo(SessionEvent.Disconnected.class);
    assertThat(end.counters().bytesIn()).isEqualTo(FOUR_MIB);
    assertThat(end.counters().bytesOut()).isEqualTo(FOUR_MIB);
  }

  @Test
  void aTlsTargetAgainstOpensslSServerBothWays() throws Exception {
    ExternalTools.require("openssl", "openssl");
    try (ToolProcess openssl =
        ToolProcess.opensslServer(leaf.cert(), leaf.key(), "-naccept", "1")) {
      Session session = forwardTo(tlsTarget(openssl.opensslPort()));
      try (Socket board = connect(session)) {
        board.getOutputStream().write("from the board\n".getBytes(StandardCharsets.US_ASCII));
        openssl.await("from the board", WAIT);
        openssl.write("from the cloud\n");
        byte[] line = new byte["from the cloud\n".length()];
        new java.io.DataInputStream(board.getInputStream()).readFully(line);
        assertThat(new String(line, StandardCharsets.US_ASCII)).isEqualTo("from the cloud\n");
        board.shutdownOutput();
        openssl.await("DONE", WAIT);
        assertThat(board.getInputStream().read()).isEqualTo(-1);
      }
    }
  }

  @Test
  void anUntrustedTlsTargetClosesTheClientAndTheLogSaysWhy() throws Exception {
    Session echo =
        engine.tcpServer(
            TcpServerConfig.listen("127.0.0.1", 0)
                .withTls(TlsConfig.server(leaf.cert(), leaf.key())));
    echo.open().get(10, TimeUnit.SECONDS);
    Session session =
        forwardTo(ForwardTarget.parse("tls://localhost:" + echo.localAddress().getPort()));
    try (Socket board = connect(session)) {
      board.getOutputStream().write(1);
      assertClosed(board);
    }
    assertThat(events.skipTo(SessionEvent.Error.class).message())
        .startsWith("cannot reach the target tls://localhost:" + echo.localAddress().getPort())
        .contains("is not signed by a CA we trust")
        .endsWith("; closed the client's connection");
  }

  @Test
  void aPlainTcpServerAsTlsTargetIsNamedAsNotSpeakingTls() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> greeter =
          CompletableFuture.runAsync(
              () -> {
                try (Socket s = plain.accept()) {
                  s.getOutputStream().write("220 welcome to the plain server\r\n".getBytes());
                  s.getInputStream().read();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      Session session = forwardTo(tlsTarget(plain.getLocalPort()));
      try (Socket board = connect(session)) {
        assertThat(board.getInputStream().read()).isEqualTo(-1);
      }
      assertThat(events.skipTo(SessionEvent.Error.class).message())
          .contains("does not speak TLS: it answered in plain TCP");
      greeter.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aRefusedTlsTargetClosesTheClientAndTheLogSaysWhy() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    Session session =
        forwardTo(new ForwardTarget.Tls(new HostPort("127.0.0.1", closedPort), TlsConfig.client()));
    try (Socket board = connect(session)) {
      assertThat(board.getInputStream().read()).isEqualTo(-1);
    }
    assertThat(events.skipTo(SessionEvent.Error.class).message())
        .startsWith("cannot reach the target tls://127.0.0.1:" + closedPort + ": ")
        .contains("refused");
  }

  private ToolProcess pythonTarget(String... args) throws IOException {
    ExternalTools.require("python3", "python3-websockets");
    ExternalTools.run(List.of(PYTHON, "-c", "import websockets"), 20);
    Path script = dir.resolve("ws_forward_target.py");
    if (!Files.exists(script)) {
      try (InputStream in = getClass().getResourceAsStream("ws_forward_target.py")) {
        Files.copy(in, script);
      }
    }
    List<String> command = new java.util.ArrayList<>(List.of(PYTHON, script.toString()));
    command.addAll(List.of(args));
    return ToolProcess.start(command);
  }

  @Test
  void fourMibEachWayThroughAWebSocketTargetAndTheClientsHalfCloseIsItsClose() throws Exception {
    try (ToolProcess target = pythonTarget("0", String.valueOf(FOUR_MIB), "wait")) {
      int port = Integer.parseInt(target.await("LISTENING (\\d+)", WAIT));
      Session session = forwardTo(ForwardTarget.parse("ws://127.0.0.1:" + port + "/board"));
      byte[] data = randomBytes(FOUR_MIB, 12);
      try (Socket board = connect(session)) {
        CompletableFuture<Void> sending =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    board.getOutputStream().write(data);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
        byte[] back = new java.io.DataInputStream(board.getInputStream()).readNBytes(FOUR_MIB);
        sending.get(30, TimeUnit.SECONDS);
        String sent = target.await("SENT \\d+ ([0-9a-f]{64})", WAIT);
        assertThat(back.length).isEqualTo(FOUR_MIB);
        assertThat(sha256(back)).isEqualTo(sent);
        board.shutdownOutput();
        String got = target.await("GOT (\\d+ [0-9a-f]{64}) \\d+", WAIT);
        assertThat(got).isEqualTo(FOUR_MIB + " " + sha256(data));
        target.await("CLOSED 1000", WAIT);
        assertThat(board.getInputStream().read()).isEqualTo(-1);
      }
      assertThat(events.skipTo(SessionEvent.Notice.class).message())
          .isEqualTo(
              "target ws://127.0.0.1:"
                  + port
                  + "/board: WebSocket /board (max message 16777216 B)");
      SessionEvent.Disconnected end = events.skipTo(SessionEvent.Disconnected.class);
      assertThat(end.counters().bytesIn()).isEqualTo(FOUR_MIB);
      assertThat(end.counters().bytesOut()).isEqualTo(FOUR_MIB);
    }
  }

  @Test
  void aWssTargetsCloseReachesTheClientAsEndOfData() throws Exception {
    try (ToolProcess target =
        pythonTarget("0", "100000", "close", leaf.cert().toString(), leaf.key().toString())) {
      int port = Integer.parseInt(target.await("LISTENING (\\d+)", WAIT));
      ForwardTarget wss =
          ForwardTarget.parse("wss://localhost:" + port + "/")
              .withTls(TlsConfig.client().withTrustedCa(certs.caFile()));
      Session session = forwardTo(wss);
      try (Socket board = connect(session)) {
        byte[] back = board.getInputStream().readAllBytes();
        assertThat(sha256(back)).isEqualTo(target.await("SENT 100000 ([0-9a-f]{64})", WAIT));
      }
      target.await("CLOSED 1000", WAIT);
      assertThat(events.skipTo(SessionEvent.Notice.class).message())
          .startsWith("target wss://localhost:" + port + "/: TLSv1.3 ");
    }
  }

  @Test
  void aRefusedWebSocketUpgradeClosesTheClientAndTheLogSaysWhy() throws Exception {
    try (ToolProcess target = pythonTarget("0", "0", "wait")) {
      int port = Integer.parseInt(target.await("LISTENING (\\d+)", WAIT));
      Session session = forwardTo(ForwardTarget.parse("ws://127.0.0.1:" + port + "/nope"));
      try (Socket board = connect(session)) {
        board.getOutputStream().write("early".getBytes(StandardCharsets.US_ASCII));
        assertClosed(board);
      }
      assertThat(events.skipTo(SessionEvent.Error.class).message())
          .startsWith("cannot reach the target ws://127.0.0.1:" + port + "/nope: ")
          .contains("refused the WebSocket upgrade (HTTP 404 Not Found)");
    }
  }
}
