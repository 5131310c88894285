package dev.socketdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.testing.EventRecorder;
import dev.socketdesk.engine.testing.ExternalTools;
import dev.socketdesk.engine.testing.TestCertificates;
import dev.socketdesk.engine.testing.ToolProcess;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on TCP sessions, against each other and against Debian's {@code openssl s_server} and {@code
 * s_client}: both directions, mutual TLS, small records, and each handshake failure in one line.
 */
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class TlsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  private TestCertificates certs;

  @BeforeEach
  void certificates() {
    certs = new TestCertificates(dir, "desk");
  }

  @Test
  void generatedCertificateIsMadeOnceAndTrustedByItsFile() throws Exception {
    try (Engine engine = Engine.create(2)) {
      EventRecorder serverEvents = new EventRecorder();
      Session server =
          engine.tcpServer(
              TcpServerConfig.listen("127.0.0.1", 0)
                  .withActions(AutoActions.echo(new byte[0]))
                  .withTls(TlsConfig.generatedServer(dir.resolve("config"))));
      server.addListener(serverEvents);
      int port = server.open().get(10, TimeUnit.SECONDS).getPort();
      serverEvents.next(SessionEvent.Listening.class);
      SessionEvent.Notice certificate = serverEvents.next(SessionEvent.Notice.class);
      assertThat(certificate.kind()).isEqualTo("certificate");
      assertThat(certificate.message())
          .startsWith("self-signed certificate CN=SocketDesk")
          .contains("localhost", "127.0.0.1", "SHA-256 ");
      Path generated = dir.resolve("config/tls-server.crt");
      assertThat(generated).isRegularFile();
      byte[] first = Files.readAllBytes(generated);

      EventRecorder clientEvents = new EventRecorder();
      Session client =
          engine.tcpClient(
              TcpClientConfig.connect(new HostPort("127.0.0.1", port))
                  .withTls(TlsConfig.client().withTrustedCa(generated)));
      client.addListener(clientEvents);
      client.open().get(10, TimeUnit.SECONDS);
      clientEvents.next(SessionEvent.Listening.class);
      clientEvents.next(SessionEvent.Connected.class);
      SessionEvent.Notice tls = clientEvents.next(SessionEvent.Notice.class);
      assertThat(tls.kind()).isEqualTo("tls");
      assertThat(tls.message())
          .startsWith("TLSv1.3 TLS_")
          .contains("peer certificate CN=SocketDesk", "expires 20");
      client.send("hello over TLS".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
      clientEvents.receiveText("hello over TLS");
      assertThat(server.counters().bytesIn()).isEqualTo(14);
      serverEvents.next(SessionEvent.Connected.class);
      assertThat(serverEvents.next(SessionEvent.Notice.class).message())
          .contains("no peer certificate");
      client.close().get(5, TimeUnit.SECONDS);
      server.close().get(5, TimeUnit.SECONDS);

      Session again =
          engine.tcpServer(
              TcpServerConfig.listen("127.0.0.1", 0)
                  .withTls(TlsConfig.generatedServer(dir.resolve("config"))));
      again.open().get(10, TimeUnit.SECONDS);
      assertThat(Files.readAllBytes(generated)).as("reused, not made again").isEqualTo(first);
      again.close().get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void captureRecordsThePlaintext() throws Exception {
    TestCertificates.Pair server = certs.leaf("server");
    Path pcap = dir.resolve("tls.pcap");
    try (Engine engine = Engine.create(1)) {
      Session s =
          engine.tcpServer(
              TcpServerConfig.listen("127.0.0.1", 0)
                  .withActions(AutoActions.echo(new byte[0]))
                  .withTls(TlsConfig.server(server.cert(), server.key())));
      s.startCapture(CaptureOptions.to(pcap));
      int port = s.open().get(10, TimeUnit.SECONDS).getPort();
      EventRecorder events = new EventRecorder();
      Session c =
          engine.tcpClient(
              TcpClientConfig.connect(new HostPort("localhost", port))
                  .withTls(TlsConfig.client().withTrustedCa(certs.caFile())));
      c.addListener(events);
      c.open().get(10, TimeUnit.SECONDS);
      c.send("secret-plaintext-marker".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
      events.receiveText("secret-plaintext-marker");
      s.stopCapture();
      assertThat(new String(Files.readAllBytes(pcap), StandardCharsets.ISO_8859_1))
          .contains("secret-plaintext-marker");
    }
  }

  @Test
  void clientTalksToOpensslServer() throws Exception {
    ExternalTools.require("openssl", "openssl");
    TestCertificates.Pair leaf = certs.leaf("server");
    try (Engine engine = Engine.create(1);
        ToolProcess openssl = ToolProcess.opensslServer(leaf.cert(), leaf.key(), "-naccept", "1")) {
      int port = openssl.opensslPort();
      EventRecorder events = new EventRecorder();
      Session client =
          engine.tcpClient(
              TcpClientConfig.connect(new HostPort("localhost", port))
                  .withTls(TlsConfig.client().withTrustedCa(certs.caFile())));
      client.addListener(events);
      client.open().get(10, TimeUnit.SECONDS);
      events.skipTo(SessionEvent.Connected.class);
      assertThat(events.next(SessionEvent.Notice.class).message())
          .contains("TLSv1.3", "peer certificate CN=localhost");
      client.send("from the desk\n".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
      openssl.await("from the desk", WAIT);
      openssl.write("from openssl\n");
      events.receiveText("from openssl\n");
    }
  }

  @Test
  void opensslClientTalksToServerAndVerifiesIt() throws Exception {
    ExternalTools.require("openssl", "openssl");
    TestCertificates.Pair leaf = certs.leaf("server");
    try (Engine engine = Engine.create(1)) {
      Session server = echoServer(engine, TlsConfig.server(leaf.cert(), leaf.key()));
      int port = server.open().get(10, TimeUnit.SECONDS).getPort();
      try (ToolProcess openssl =
          sClient(port, "-CAfile", certs.caFile().toString(), "-verify_hostname", "localhost")) {
        openssl.write("echo me please\n");
        openssl.await("Verify return code: 0 \\(ok\\)", WAIT);
        openssl.await("echo me please", WAIT);
      }
    }
  }

  @Test
  void mutualTlsBothWays() throws Exception {
    ExternalTools.require("openssl", "openssl");
    TestCertificates.Pair serverLeaf = certs.leaf("server");
    TestCertificates.Pair clientLeaf = certs.leaf("client");
    try (Engine engine = Engine.create(1)) {
      EventRecorder events = new EventRecorder();
      Session server =
          echoServer(
              engine,
              TlsConfig.server(serverLeaf.cert(), serverLeaf.key())
                  .withTrustedCa(certs.caFile())
                  .withRequireClientCert(true));
      server.addListener(events);
      int port = server.open().get(10, TimeUnit.SECONDS).getPort();
      try (ToolProcess openssl =
          sClient(
              port,
              "-CAfile",
              certs.caFile().toString(),
              "-cert",
              clientLeaf.cert().toString(),
              "-key",
              clientLeaf.key().toString())) {
        openssl.write("mutual\n");
        openssl.await("mutual", WAIT);
      }
      events.skipTo(SessionEvent.Connected.class);
      assertThat(events.next(SessionEvent.Notice.class).message())
          .contains("peer certificate CN=localhost");
      try (ToolProcess anonymous = sClient(port, "-CAfile", certs.caFile().toString())) {
        anonymous.write("no certificate\n");
        SessionEvent.Error refused = events.skipTo(SessionEvent.Error.class);
        assertThat(refused.message()).contains("sent no certificate, but this server requires one");
      }

      try (ToolProcess openssl =
          ToolProcess.opensslServer(
              serverLeaf.cert(),
              serverLeaf.key(),
              "-naccept",
              "1",
              "-Verify",
              "1",
              "-verify_return_error",
              "-CAfile",
              certs.caFile().toString())) {
        int sport = openssl.opensslPort();
        Session client =
            engine.tcpClient(
                TcpClientConfig.connect(new HostPort("localhost", sport))
                    .withTls(
                        TlsConfig.client()
                            .withTrustedCa(certs.caFile())
                            .withCertificate(clientLeaf.cert(), clientLeaf.key())));
        client.open().get(10, TimeUnit.SECONDS);
        client.send("client cert ok\n".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
        openssl.await("client cert ok", WAIT);
        assertThat(openssl.all()).contains("depth=0 CN = localhost");
      }
    }
  }

  @Test
  void smallRecordsAsMicrocontrollersSendThem() throws Exception {
    ExternalTools.require("openssl", "openssl");
    TestCertificates.Pair leaf = certs.leaf("server");
    try (Engine engine = Engine.create(1)) {
      EventRecorder events = new EventRecorder();
      Session server = echoServer(engine, TlsConfig.server(leaf.cert(), leaf.key()));
      server.addListener(events);
      int port = server.open().get(10, TimeUnit.SECONDS).getPort();
      String line = "0123456789abcdef".repeat(250);
      try (ToolProcess openssl =
          sClient(port, "-tls1_2", "-max_send_frag", "512", "-CAfile", certs.caFile().toString())) {
        openssl.write(line + "\n");
        openssl.await(line, WAIT);
      }
      int reads = 0;
      long bytes = 0;
      while (bytes < line.length() + 1) {
        if (events.next() instanceof SessionEvent.Received r) {
          reads++;
          bytes += r.data().length;
          assertThat(r.data().length).isLessThanOrEqualTo(512);
        }
      }
      assertThat(reads).as("one read per 512-byte record").isGreaterThanOrEqualTo(8);
      assertThat(bytes).isEqualTo(line.length() + 1);
    }
  }

  @Test
  void unknownCaIsNamedWithItsFix() throws Exception {
    TestCertificates.Pair leaf = certs.leaf("server");
    SessionException e = clientFailure(leaf, TlsConfig.client());
    assertThat(e.kind()).isEqualTo(Kind.TLS_UNTRUSTED);
    assertThat(e.getMessage())
        .contains("is not signed by a CA we trust")
        .contains("trust its CA file or skip verification");
  }

  @Test
  void expiredCertificateIsNamedWithItsFix() throws Exception {
    TestCertificates.Pair leaf = certs.expired("old");
    SessionException e = clientFailure(leaf, TlsConfig.client().withTrustedCa(certs.caFile()));
    assertThat(e.kind()).isEqualTo(Kind.TLS_EXPIRED);
    assertThat(e.getMessage()).contains("has expired or is not valid yet; renew it");
  }

  @Test
  void hostNameMismatchIsNamedWithItsFix() throws Exception {
    TestCertificates.Pair leaf = certs.forName("other", "other.example");
    SessionException e = clientFailure(leaf, TlsConfig.client().withTrustedCa(certs.caFile()));
    assertThat(e.kind()).isEqualTo(Kind.TLS_NAME_MISMATCH);
    assertThat(e.getMessage()).contains("is not for '127.0.0.1'").contains("connect by a name");
  }

  @Test
  void insecureSkipsVerificationAndWarns() throws Exception {
    ExternalTools.require("openssl", "openssl");
    TestCertificates.Pair leaf = certs.expired("old");
    try (Engine engine = Engine.create(1);
        ToolProcess openssl = ToolProcess.opensslServer(leaf.cert(), leaf.key())) {
      EventRecorder events = new EventRecorder();
      Session client =
          engine.tcpClient(
              TcpClientConfig.connect(new HostPort("127.0.0.1", openssl.opensslPort()))
                  .withTls(TlsConfig.client().withInsecure(true)));
      client.addListener(events);
      client.open().get(10, TimeUnit.SECONDS);
      SessionEvent.Notice warning = events.next(SessionEvent.Notice.class);
      assertThat(warning.kind()).isEqualTo("warning");
      assertThat(warning.message()).contains("chain, expiry and name are not checked");
    }
  }

  @Test
  void noCommonProtocolEitherWay() throws Exception {
    ExternalTools.require("openssl", "openssl");
    TestCertificates.Pair leaf = certs.leaf("server");
    SessionException e =
        clientFailure(
            leaf,
            TlsConfig.client().withTrustedCa(certs.caFile()),
            "-tls1_1",
            "-cipher",
            "DEFAULT@SECLEVEL=0");
    assertThat(e.kind()).isEqualTo(Kind.TLS_NO_COMMON);
    assertThat(e.getMessage()).contains("share no TLS version or cipher");

    try (Engine engine = Engine.create(1)) {
      EventRecorder events = new EventRecorder();
      Session server = echoServer(engine, TlsConfig.server(leaf.cert(), leaf.key()));
      server.addListener(events);
      int port = server.open().get(10, TimeUnit.SECONDS).getPort();
      try (ToolProcess old = sClient(port, "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0")) {
        assertThat(events.skipTo(SessionEvent.Error.class).message())
            .contains("127.0.0.1:")
            .contains("share no TLS version or cipher");
      }
    }
  }

  @Test
  void plainTcpClientAtTlsServer() throws Exception {
    TestCertificates.Pair leaf = certs.leaf("server");
    try (Engine engine = Engine.create(1)) {
      EventRecorder events = new EventRecorder();
      Session server = echoServer(engine, TlsConfig.server(leaf.cert(), leaf.key()));
      server.addListener(events);
      int port = server.open().get(10, TimeUnit.SECONDS).getPort();
      try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), port)) {
        plain.getOutputStream().write("hello in plain text\r\n".getBytes(StandardCharsets.UTF_8));
        SessionEvent.Error error = events.skipTo(SessionEvent.Error.class);
        assertThat(error.message())
            .matches("the client at 127\\.0\\.0\\.1:\\d+ speaks plain TCP, not TLS; .*");
      }
      assertThat(server.peers()).isEmpty();
    }
  }

  @Test
  void tlsClientAtPlainTcpServer() throws Exception {
    try (Engine engine = Engine.create(1);
        ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> board =
          CompletableFuture.runAsync(
              () -> {
                try (Socket s = plain.accept()) {
                  OutputStream out = s.getOutputStream();
                  out.write("Hello WalnutPi!\r\n".getBytes(StandardCharsets.UTF_8));
                  out.flush();
                  s.getInputStream().readAllBytes();
                } catch (Exception ignored) {
                  // The client gives up; nothing to check here.
                }
              });
      Session client =
          engine.tcpClient(
              TcpClientConfig.connect(new HostPort("127.0.0.1", plain.getLocalPort()))
                  .withTls(TlsConfig.client()));
      assertThatThrownBy(() -> client.open().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(SessionException.class)
          .hasMessageContaining("does not speak TLS: it answered in plain TCP");
      assertThat(client.state()).isEqualTo(SessionState.FAILED);
      board.get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void reconnectingClientRetriesAfterAHandshakeFailure() throws Exception {
    ExternalTools.require("openssl", "openssl");
    TestCertificates.Pair leaf = certs.leaf("server");
    try (Engine engine = Engine.create(1);
        ToolProcess openssl = ToolProcess.opensslServer(leaf.cert(), leaf.key())) {
      EventRecorder events = new EventRecorder();
      Session client =
          engine.tcpClient(
              TcpClientConfig.connect(new HostPort("127.0.0.1", openssl.opensslPort()))
                  .withReconnect(true)
                  .withReconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(200))
                  .withTls(TlsConfig.client()));
      client.addListener(events);
      client.open();
      SessionEvent.Reconnecting retry = events.skipTo(SessionEvent.Reconnecting.class);
      assertThat(retry.cause()).contains("CA we trust");
      assertThat(retry.code()).isEqualTo("tls-untrusted");
      assertThat(retry.attempt()).isEqualTo(1);
      client.close().get(5, TimeUnit.SECONDS);
    }
  }

  private SessionException clientFailure(
      TestCertificates.Pair leaf, TlsConfig tls, String... serverOptions) throws Exception {
    ExternalTools.require("openssl", "openssl");
    try (Engine engine = Engine.create(1);
        ToolProcess openssl = ToolProcess.opensslServer(leaf.cert(), leaf.key(), serverOptions)) {
      Session client =
          engine.tcpClient(
              TcpClientConfig.connect(new HostPort("127.0.0.1", openssl.opensslPort()))
                  .withTls(tls));
      List<SessionEvent> seen = new ArrayList<>();
      client.addListener(seen::add);
      try {
        client.open().get(15, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        assertThat(e.getCause()).isInstanceOf(SessionException.class);
        Awaitility.await().atMost(WAIT).until(() -> client.state() == SessionState.FAILED);
        assertThat(e.getCause().getMessage()).doesNotContain("\n");
        return (SessionException) e.getCause();
      }
      throw new AssertionError("the handshake succeeded: " + seen);
    }
  }

  private static ToolProcess sClient(int port, String... options) {
    List<String> command =
        new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port));
    command.addAll(List.of(options));
    return ToolProcess.start(command);
  }

  private static Session echoServer(Engine engine, TlsConfig tls) {
    return engine.tcpServer(
        TcpServerConfig.listen("127.0.0.1", 0)
            .withActions(AutoActions.echo(new byte[0]))
            .withTls(tls));
  }
}
