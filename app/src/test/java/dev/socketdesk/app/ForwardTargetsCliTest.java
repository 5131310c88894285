package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.TcpServerConfig;
import dev.socketdesk.engine.TlsConfig;
import dev.socketdesk.engine.testing.TestCertificates;
import java.io.DataInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code forward} to a {@code tls://} target with the TLS options of {@code tcp-client}. */
@Timeout(60)
class ForwardTargetsCliTest {
  @TempDir Path dir;

  private static String relayOnce(int port, String text) throws Exception {
    try (Socket client = new Socket()) {
      client.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      client.setSoTimeout(10_000);
      byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
      client.getOutputStream().write(bytes);
      byte[] back = new byte[bytes.length];
      new DataInputStream(client.getInputStream()).readFully(back);
      return new String(back, StandardCharsets.US_ASCII);
    }
  }

  @Test
  void aTlsTargetVerifiedWithCaOrUnverifiedWithAWarning() throws Exception {
    TestCertificates certs = new TestCertificates(dir, "cloud");
    TestCertificates.Pair leaf = certs.leaf("cloud");
    try (Engine engine = Engine.create(1)) {
      Session cloud =
          engine.tcpServer(
              TcpServerConfig.listen("127.0.0.1", 0)
                  .withTls(TlsConfig.server(leaf.cert(), leaf.key()))
                  .withActions(AutoActions.echo(new byte[0])));
      cloud.open().get(10, TimeUnit.SECONDS);
      String target = "tls://localhost:" + cloud.localAddress().getPort();
      try (CliRun cli =
          CliRun.interactive(
              "forward",
              "--bind",
              "127.0.0.1",
              "--port",
              "0",
              target,
              "--ca",
              certs.caFile().toString(),
              "--json",
              "--input",
              "lines")) {
        assertThat(relayOnce(cli.listeningPort(), "over tls\n")).isEqualTo("over tls\n");
        assertThat(
                cli.event("notice", n -> n.path("kind").asText().equals("tls"))
                    .path("message")
                    .asText())
            .startsWith("target " + target + ": TLSv1.3");
      }
      try (CliRun cli =
          CliRun.interactive(
              "forward",
              "--bind",
              "127.0.0.1",
              "--port",
              "0",
              target,
              "--insecure",
              "--json",
              "--input",
              "lines")) {
        assertThat(
                cli.event("notice", n -> n.path("kind").asText().equals("warning"))
                    .path("message")
                    .asText())
            .startsWith("target " + target + ": certificate verification is off");
        assertThat(relayOnce(cli.listeningPort(), "unverified\n")).isEqualTo("unverified\n");
      }
    }
  }
}
