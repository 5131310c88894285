package dev.socketdesk.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.testing.ExternalTools;
import dev.socketdesk.engine.testing.TestCertificates;
import dev.socketdesk.engine.testing.ToolProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ws:} links against an independent peer, Python's websockets (the engine tests'
 * ws_peer.py): send is a text message, send-hex a binary one, the answers one stream; subprotocol,
 * headers, close with 1000, and wss:// with tls: {ca} or {insecure}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebSocketLinkTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private Path peer;

  @BeforeEach
  void peer() throws IOException {
    ExternalTools.require("python3", "python3-websockets");
    peer = dir.resolve("ws_peer.py");
    try (InputStream in =
        WebSocketLinkTest.class.getResourceAsStream("/dev/socketdesk/engine/ws_peer.py")) {
      Files.copy(in, peer);
    }
  }

  private ToolProcess python(String... args) {
    List<String> command = new ArrayList<>(List.of("/usr/bin/python3", peer.toString()));
    command.addAll(Arrays.asList(args));
    return ToolProcess.start(command);
  }

  private TestResult run(Path script) {
    RunReport report =
        new ScriptRunner(RunSettings.defaults())
            .run(List.of(Scripts.read(script, Set.of())), RunListener.NONE);
    return report.tests().get(0);
  }

  private Path script(String yaml) throws IOException {
    return Files.writeString(dir.resolve("board.yaml"), yaml, StandardCharsets.UTF_8);
  }

  @Test
  void textAndBinaryMessagesSubprotocolHeadersAndClose() throws Exception {
    try (ToolProcess server = python("server", "0")) {
      int port = Integer.parseInt(server.await("LISTENING (\\d+)", WAIT));
      TestResult r =
          run(
              script(
                  """
                  name: python board
                  ws:
                    url: ws://127.0.0.1:%d/board?id=7
                    subprotocol: chat
                    headers: {X-Board: esp32}
                  steps:
                    - send: 'hello'
                    - expect: 'hello'
                    - send-hex: 41 54
                    - expect-hex: 41 54
                    - send: fragments
                    - expect: 'abc'
                    - close
                  """
                      .formatted(port)));

      assertThat(r.status()).as("%s\n%s", r.failure(), r.transcript()).isEqualTo(Status.PASSED);
      server.await("OPEN /board\\?id=7 chat esp32", WAIT);
      server.await("GOT text 5", WAIT);
      server.await("GOT binary 2", WAIT);
      server.await("CLOSED 1000", WAIT);
    }
  }

  @Test
  void wssVerifiesWithTheCaNextToTheScriptOrSkipsTheCheckWhenInsecure() throws Exception {
    TestCertificates certs = new TestCertificates(dir, "wss");
    TestCertificates.Pair leaf = certs.leaf("server");
    try (ToolProcess server =
        python("server", "0", leaf.cert().toString(), leaf.key().toString())) {
      int port = Integer.parseInt(server.await("LISTENING (\\d+)", WAIT));
      String steps = "steps:\n  - send: hi\n  - expect: hi\n";
      String url = "ws: wss://127.0.0.1:" + port + "/\n";

      TestResult verified =
          run(script(url + "tls: {ca: " + certs.caFile().getFileName() + "}\n" + steps));
      assertThat(verified.status())
          .as("%s\n%s", verified.failure(), verified.transcript())
          .isEqualTo(Status.PASSED);

      TestResult untrusted = run(script(url + steps));
      assertThat(untrusted.status()).isEqualTo(Status.FAILED);
      assertThat(untrusted.failure().message())
          .startsWith("the link (wss://127.0.0.1:" + port + "/) did not open: ")
          .contains("certificate");

      TestResult insecure = run(script(url + "tls: {insecure: true}\n" + steps));
      assertThat(insecure.status())
          .as("%s\n%s", insecure.failure(), insecure.transcript())
          .isEqualTo(Status.PASSED);
    }
  }

  @Test
  void aBinaryAnswerIsMatchedLikeAnyOtherBytes() throws Exception {
    try (ToolProcess server = python("server", "0")) {
      int port = Integer.parseInt(server.await("LISTENING (\\d+)", WAIT));
      TestResult r =
          run(
              script(
                  """
                  links:
                    board: {ws: 'ws://127.0.0.1:%d/'}
                  steps:
                    - send-hex: 00 01 FF
                      on: board
                    - expect-hex: 00 ?? FF
                      on: board
                    - expect-close: board
                      timeout: 300ms
                  """
                      .formatted(port)));

      assertThat(r.status()).isEqualTo(Status.FAILED);
      assertThat(r.failure().message()).isEqualTo("the peer did not close the connection in time");
    }
  }
}
