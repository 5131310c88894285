package dev.socketdesk.engine.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The board program ({@code serial-board.py}, Debian's python3 with python3-serial) on the far end
 * of a {@link PtyPair}. Modes: {@code text}, {@code modbus}, {@code echo}; see the script.
 */
public final class SerialBoard implements AutoCloseable {
  private static final String PYTHON = "/usr/bin/python3";
  private final Process process;

  private SerialBoard(Process process) {
    this.process = process;
  }

  /** Starts the board on {@code path} and waits until it has opened the port. */
  public static SerialBoard start(Path path, String mode, Path dir) {
    requirePythonSerial();
    try {
      Path script = dir.resolve("serial-board.py");
      if (!Files.exists(script)) {
        try (InputStream in = SerialBoard.class.getResourceAsStream("/serial-board.py")) {
          Files.copy(in, script);
        }
      }
      Process process =
          new ProcessBuilder(List.of(PYTHON, script.toString(), path.toString(), mode))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line =
          CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return out.readLine();
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  })
              .get(10, TimeUnit.SECONDS);
      if (!"ready".equals(line)) {
        process.destroyForcibly();
        fail("the serial board did not start: " + line);
      }
      return new SerialBoard(process);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new AssertionError("the serial board did not start", e);
    }
  }

  /** Fails under CI=true, skips locally, without Debian's python3-serial. */
  public static void requirePythonSerial() {
    boolean present;
    try {
      Process check = new ProcessBuilder(PYTHON, "-c", "import serial").start();
      present = check.waitFor(10, TimeUnit.SECONDS) && check.exitValue() == 0;
    } catch (IOException e) {
      present = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    if (!present) {
      String message =
          "Debian's python3 with python3-serial is missing; run: apt-get install python3-serial"
              + " (.ci/run does)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true: " + message);
      }
      Assumptions.abort(message);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
