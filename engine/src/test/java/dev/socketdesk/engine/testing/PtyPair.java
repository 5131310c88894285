package dev.socketdesk.engine.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * Two pseudo-terminals joined by socat, as a serial cable without hardware: what is written to
 * {@link #a} is read from {@link #b} and back. The links live in a test's temporary directory.
 * {@link #stop} ends socat, so both ends disappear as an unplugged adapter would; {@link #start}
 * makes them again under the same links.
 */
public final class PtyPair implements AutoCloseable {
  public final Path a;
  public final Path b;
  private final Path socat;
  private Process process;

  public PtyPair(Path dir) {
    this.socat = ExternalTools.require("socat", "socat");
    this.a = dir.resolve("ttyA");
    this.b = dir.resolve("ttyB");
    start();
  }

  /** Starts socat (ending one still running, so none is left behind) and waits for both links. */
  public void start() {
    stop();
    try {
      Files.deleteIfExists(a);
      Files.deleteIfExists(b);
      process =
          new ProcessBuilder(
                  List.of(socat.toString(), "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.exists(a) && Files.exists(b));
  }

  /** Ends socat and waits for it: both ends are gone. */
  public void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail("socat did not end within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    process = null;
  }

  @Override
  public void close() {
    stop();
  }
}
