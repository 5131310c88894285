package dev.socketdesk.core.script;

import static dev.socketdesk.core.script.StepTypesTest.echo;
import static dev.socketdesk.core.script.StepTypesTest.fails;
import static dev.socketdesk.core.script.StepTypesTest.passes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A repeat of sends, expects and sets runs on its link's network thread; these check that it ends,
 * fails and carries variables as the same steps do on the test's thread.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RepeatOnLinkTest {

  @Test
  void variablesFromTheLoopReachTheStepsAfterIt() {
    passes(
        echo(
            """
              - repeat: 50
                steps:
                  - send: 'n{seq};'
                  - expect-regex: 'n(?<got>[0-9]+);'
                  - set: {last: 'x${got}'}
              - send: '${last}!'
              - expect: 'x50!'
            """));
  }

  @Test
  void aPeerThatClosesMidLoopFailsTheExpectWaitingForIt() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> peer =
          CompletableFuture.runAsync(
              () -> {
                try (Socket s = server.accept()) {
                  byte[] buf = new byte[64];
                  for (int i = 0; i < 3; i++) {
                    int n = s.getInputStream().read(buf);
                    s.getOutputStream().write(buf, 0, n);
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      StepResult failure =
          fails(
              "connect: 127.0.0.1:"
                  + server.getLocalPort()
                  + "\nsteps:\n  - repeat: 10\n    steps:\n      - send: 'n{seq};'\n"
                  + "      - expect: 'n{seq};'\n");
      peer.get(10, TimeUnit.SECONDS);
      assertThat(failure.step()).isEqualTo("repeat 10 x 2 steps");
      assertThat(failure.message())
          .startsWith("in iteration 4: the peer closed the connection first");
    }
  }

  @Test
  void cancellingARunEndsALoopThatWaitsForData() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CountDownLatch sent = new CountDownLatch(1);
      CompletableFuture<Void> peer =
          CompletableFuture.runAsync(
              () -> {
                try (Socket s = server.accept()) {
                  InputStream in = s.getInputStream();
                  if (in.read() >= 0) {
                    sent.countDown();
                  }
                  in.read();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      Suite suite =
          Scripts.parse(
              "t.yaml",
              "connect: 127.0.0.1:${port}\nsteps:\n  - repeat: 3\n    steps:\n"
                  + "      - send: a\n      - expect: never\n        timeout: 30s\n",
              java.util.Set.of("port"));
      ScriptRunner runner =
          new ScriptRunner(new RunSettings(1, 1, null, Map.of("port", "" + server.getLocalPort())));
      CompletableFuture<RunReport> running =
          CompletableFuture.supplyAsync(() -> runner.run(List.of(suite), RunListener.NONE));
      assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
      runner.cancel();
      RunReport report = running.get(10, TimeUnit.SECONDS);
      peer.get(10, TimeUnit.SECONDS);

      TestResult result = report.tests().get(0);
      assertThat(result.status()).isEqualTo(Status.INTERRUPTED);
      assertThat(result.failure().message()).isEqualTo("in iteration 1: interrupted");
      assertThat(result.millis()).isLessThan(10_000);
    }
  }
}
