package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socketdesk.core.ConfigDirs;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code tcp-server --tls} and {@code tcp-client --tls}: certificates, verification, wording. */
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class TlsCliTest {

  @Test
  void serverPrintsItsFingerprintAndAClientTrustingItTalksToIt() throws Exception {
    try (CliRun server = CliRun.jsonTcpServer("--tls", "--echo")) {
      int port = server.listeningPort();
      JsonNode certificate = server.event("notice");
      assertThat(certificate.path("kind").asText()).isEqualTo("certificate");
      assertThat(certificate.path("message").asText())
          .matches(
              "self-signed certificate CN=SocketDesk .*; SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}; kept in .*");
      Path cert = ConfigDirs.defaultDir().resolve("tls-server.crt");
      assertThat(cert).isRegularFile();

      try (CliRun client =
          CliRun.interactive(
              "tcp-client",
              "127.0.0.1:" + port,
              "--tls",
              "--ca",
              cert.toString(),
              "--json",
              "--input",
              "lines")) {
        client.event("connected");
        JsonNode tls = client.event("notice");
        assertThat(tls.path("kind").asText()).isEqualTo("tls");
        assertThat(tls.path("message").asText()).startsWith("TLSv1.3 ");
        client.type("over TLS");
        assertThat(client.event("received").path("text").asText()).isEqualTo("over TLS");
      }
    }
  }

  @Test
  void untrustedServerFailsInOneLineNamingTheOptions() {
    try (CliRun server = CliRun.jsonTcpServer("--tls")) {
      int port = server.listeningPort();
      CliRun client = CliRun.piped(new byte[0], "tcp-client", "127.0.0.1:" + port, "--tls");
      assertThat(client.exitCode()).isEqualTo(1);
      assertThat(client.err().strip())
          .startsWith("socketdesk: the certificate of 127.0.0.1:" + port)
          .contains("is not signed by a CA we trust")
          .endsWith(
              "trust its CA with --ca FILE (for a self-signed server, its certificate), or skip the check with --insecure")
          .doesNotContain("\n");
    }
  }

  @Test
  void aPlainServerReachedByATlsClientSaysToAddTls() throws Exception {
    try (CliRun server = CliRun.jsonTcpServer();
        java.net.Socket tlsClient = new java.net.Socket("127.0.0.1", server.listeningPort())) {
      tlsClient.getOutputStream().write(java.util.HexFormat.of().parseHex("16030100f4010000f0"));
      JsonNode hint = server.event("error");
      assertThat(hint.path("code").asText()).isEqualTo("tls-expected");
      assertThat(hint.path("message").asText())
          .endsWith(
              "sent a TLS ClientHello (the bytes above): it speaks TLS; open the server with --tls");
    }
  }

  @Test
  void insecurePrintsWhatItSkips() {
    try (CliRun server = CliRun.jsonTcpServer("--tls", "--echo")) {
      int port = server.listeningPort();
      try (CliRun client =
          CliRun.interactive(
              "tcp-client", "127.0.0.1:" + port, "--tls", "--insecure", "--input", "lines")) {
        assertThat(client.line(l -> l.contains("warning:")))
            .contains("certificate verification is off")
            .contains("not checked");
        client.line(l -> l.contains("connected"));
      }
    }
  }

  @Test
  void tlsOptionsWithoutTlsAreUsageErrors() {
    CliRun server = CliRun.piped(new byte[0], "tcp-server", "--port", "0", "--cert", "a.pem");
    assertThat(server.exitCode()).isEqualTo(2);
    assertThat(server.err()).contains("are TLS options; add --tls");
    CliRun client =
        CliRun.piped(new byte[0], "tcp-client", "127.0.0.1:1", "--tls", "--client-cert", "a.pem");
    assertThat(client.exitCode()).isEqualTo(2);
    assertThat(client.err()).contains("--client-cert needs its --client-key FILE");
    CliRun missing =
        CliRun.piped(
            new byte[0],
            "tcp-server",
            "--port",
            "0",
            "--tls",
            "--cert",
            "no.pem",
            "--key",
            "no.key");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("certificate file no.pem does not exist");
  }
}
