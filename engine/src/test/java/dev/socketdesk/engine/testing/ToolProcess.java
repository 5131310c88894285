package dev.socketdesk.engine.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * An external program a test talks to (openssl s_server, s_client, a Python script): its standard
 * output and error are collected as they come, its input can be written, and it is killed on close.
 */
public final class ToolProcess implements AutoCloseable {
  private final Process process;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private ToolProcess(Process process) {
    this.process = process;
    pump(process.getInputStream(), out, "out");
    pump(process.getErrorStream(), err, "err");
  }

  public static ToolProcess start(List<String> command) {
    try {
      return new ToolProcess(new ProcessBuilder(command).start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code openssl s_server} serving {@code cert} and {@code key} on a port of the system's choice
   * ({@link #opensslPort()}), with further {@code options} (e.g. {@code -naccept 1}).
   */
  public static ToolProcess opensslServer(Path cert, Path key, String... options) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "openssl",
                "s_server",
                "-accept",
                "0",
                "-cert",
                cert.toString(),
                "-key",
                key.toString()));
    command.addAll(List.of(options));
    return start(command);
  }

  private static void pump(InputStream in, ByteArrayOutputStream sink, String name) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[8192];
              try (in) {
                for (int n; (n = in.read(buf)) > 0; ) {
                  synchronized (sink) {
                    sink.write(buf, 0, n);
                  }
                }
              } catch (IOException e) {
                // The process ended.
              }
            },
            "tool-" + name);
    t.setDaemon(true);
    t.start();
  }

  /** Everything on standard output so far, as UTF-8 (ISO-8859-1 keeps every byte). */
  public String out() {
    synchronized (out) {
      return out.toString(StandardCharsets.ISO_8859_1);
    }
  }

  public byte[] outBytes() {
    synchronized (out) {
      return out.toByteArray();
    }
  }

  public String err() {
    synchronized (err) {
      return err.toString(StandardCharsets.UTF_8);
    }
  }

  /** Both outputs. */
  public String all() {
    return out() + err();
  }

  /** Waits until standard output or error matches {@code regex}; returns the first group. */
  public String await(String regex, Duration timeout) {
    Pattern p = Pattern.compile(regex);
    String[] found = new String[1];
    Awaitility.await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(20))
        .alias("'" + regex + "' from the tool; so far: " + all())
        .until(
            () -> {
              Matcher m = p.matcher(all());
              if (m.find()) {
                found[0] = m.groupCount() > 0 ? m.group(1) : m.group();
                return true;
              }
              return false;
            });
    return found[0];
  }

  /** The port an {@code openssl s_server -accept 0} listens on. */
  public int opensslPort() {
    return Integer.parseInt(await("ACCEPT \\S*:(\\d+)", Duration.ofSeconds(10)));
  }

  public void write(byte[] data) {
    try {
      OutputStream in = process.getOutputStream();
      in.write(data);
      in.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void write(String text) {
    write(text.getBytes(StandardCharsets.UTF_8));
  }

  public void closeInput() {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the program to end and returns its exit code. */
  public int waitFor(Duration timeout) {
    Awaitility.await()
        .atMost(timeout)
        .alias("the tool to exit: " + all())
        .until(() -> !process.isAlive());
    return process.exitValue();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
