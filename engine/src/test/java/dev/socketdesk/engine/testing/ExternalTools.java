package dev.socketdesk.engine.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian programs the tests check against (tshark, openssl, socat, python3 modules). A missing one
 * fails the test under {@code CI=true}, where {@code .ci/run} installs them, and skips it locally
 * with the install command.
 */
public final class ExternalTools {
  private ExternalTools() {}

  /** The program's path on PATH, or a failure (CI) or skip (locally) naming the Debian package. */
  public static Path require(String program, String debianPackage) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String message =
        program + " is not installed; run: apt-get install " + debianPackage + " (.ci/run does)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true: " + message);
    }
    Assumptions.abort(message);
    return null;
  }

  /** Runs a command to its end (at most {@code seconds}) and returns its standard output. */
  public static byte[] run(List<String> command, int seconds) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
      CompletableFuture<byte[]> out = drain(process.getInputStream());
      CompletableFuture<byte[]> err = drain(process.getErrorStream());
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        fail(command.get(0) + " did not finish within " + seconds + " s");
      }
      if (process.exitValue() != 0) {
        fail(
            command
                + " exited with "
                + process.exitValue()
                + ": "
                + new String(err.join(), java.nio.charset.StandardCharsets.UTF_8));
      }
      return out.join();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static CompletableFuture<byte[]> drain(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toByteArray();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
