package dev.socketdesk.core.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.TcpServerConfig;
import dev.socketdesk.engine.TlsConfig;
import dev.socketdesk.engine.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code connect:} with {@code tls:} against a TLS echo server on loopback. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TlsLinkTest {
  @TempDir Path dir;

  @Test
  void connectWithTlsVerifiesWithTheCaAndAPlainConnectDoesNotSpeakTls() throws Exception {
    TestCertificates certs = new TestCertificates(dir, "board");
    TestCertificates.Pair leaf = certs.leaf("server");
    try (Engine engine = Engine.create(1)) {
      int port = tlsEchoPort(engine, leaf);
      String head = "connect: 127.0.0.1:" + port + "\n";
      String steps = "steps:\n  - send: 'AT\\r\\n'\n  - expect: 'AT\\r\\n'\n";

      TestResult verified =
          run(head + "tls: {ca: " + certs.caFile().getFileName() + ", sni: localhost}\n" + steps);
      assertThat(verified.status())
          .as("%s\n%s", verified.failure(), verified.transcript())
          .isEqualTo(Status.PASSED);

      TestResult untrusted = run(head + "tls: true\n" + steps);
      assertThat(untrusted.status()).isEqualTo(Status.FAILED);
      assertThat(untrusted.failure().message()).contains("did not open").contains("certificate");

      TestResult plain = run(head + steps);
      assertThat(plain.status()).isEqualTo(Status.FAILED);
    }
  }

  @Test
  void aScriptWithNoFolderTakesAnAbsoluteCaAndRefusesARelativeOneAtItsPlace() throws Exception {
    TestCertificates certs = new TestCertificates(dir, "board");
    TestCertificates.Pair leaf = certs.leaf("server");
    try (Engine engine = Engine.create(1)) {
      int port = tlsEchoPort(engine, leaf);
      String head = "name: pasted\nconnect: 127.0.0.1:" + port + "\n";
      String steps = "steps:\n  - send: 'AT\\r\\n'\n  - expect: 'AT\\r\\n'\n";
      String absolute = certs.caFile().toAbsolutePath().toString();

      Suite pasted =
          Scripts.parseDetached(
              "script", head + "tls: {ca: '" + absolute + "', sni: localhost}\n" + steps);
      TestResult verified =
          new ScriptRunner(RunSettings.defaults())
              .run(List.of(pasted), RunListener.NONE)
              .tests()
              .get(0);
      assertThat(verified.status())
          .as("%s\n%s", verified.failure(), verified.transcript())
          .isEqualTo(Status.PASSED);

      assertThatThrownBy(
              () -> Scripts.parseDetached("script", head + "tls: {ca: board-ca.pem}\n" + steps))
          .isInstanceOf(ScriptException.class)
          .hasMessage(
              "script:3:11: ca: 'board-ca.pem' is a relative path, and a script run from the page"
                  + " has no folder to find it in; give the full path of the CA certificate's PEM"
                  + " file");
    }
  }

  private TestResult run(String yaml) throws Exception {
    Path script = Files.writeString(dir.resolve("board.yaml"), yaml, StandardCharsets.UTF_8);
    RunReport report =
        new ScriptRunner(RunSettings.defaults())
            .run(List.of(Scripts.read(script, Set.of())), RunListener.NONE);
    return report.tests().get(0);
  }

  /** Opens a TLS echo server with {@code leaf}'s certificate on loopback; answers its port. */
  private static int tlsEchoPort(Engine engine, TestCertificates.Pair leaf) throws Exception {
    Session server =
        engine.tcpServer(
            TcpServerConfig.listen("127.0.0.1", 0)
                .withTls(TlsConfig.server(leaf.cert(), leaf.key()))
                .withActions(AutoActions.echo(new byte[0])));
    return server.open().get(10, TimeUnit.SECONDS).getPort();
  }
}
