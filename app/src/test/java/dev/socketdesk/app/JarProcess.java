package dev.socketdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The built jar run as a process, with its standard output read line by line. */
final class JarProcess implements AutoCloseable {
  private static final long WAIT_SECONDS = 20;

  /**
   * The test JVM resolves names from this file only (see the parent pom), and so does the jar's
   * JVM: no test sends a DNS query.
   */
  private static final String HOSTS_FILE = "jdk.net.hosts.file";

  private final Process process;
  private final OutputLines lines = new OutputLines(WAIT_SECONDS, () -> "; " + errSoFar());
  private final CompletableFuture<String> err;

  private JarProcess(Process process) {
    this.process = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("<stdout failed: " + e + ">");
              }
            },
            "jar-stdout");
    reader.setDaemon(true);
    reader.start();
    err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
  }

  /** Starts {@code java -jar app/target/socketdesk.jar args}. */
  static JarProcess start(String... args) {
    return start(Map.of(), args);
  }

  /** Starts {@code java -jar app/target/socketdesk.jar args} with {@code env} added. */
  static JarProcess start(Map<String, String> env, String... args) {
    String jar = System.getProperty("socketdesk.jar", "target/socketdesk.jar");
    if (!Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException(jar + " is missing; run 'mvn verify', which builds it first");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    forward(command, HOSTS_FILE);
    forward(command, "vertx.disableDnsResolver");
    command.add("-jar");
    command.add(jar);
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(env);
      return new JarProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Passes this JVM's system property on to the jar's JVM, when it is set. */
  private static void forward(List<String> command, String property) {
    String value = System.getProperty(property);
    if (value != null) {
      command.add("-D" + property + "=" + value);
    }
  }

  private static String readAll(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "<stderr failed: " + e + ">";
    }
  }

  OutputStream stdin() {
    return process.getOutputStream();
  }

  /** The next output line matching {@code filter}, skipping others. */
  String line(Predicate<String> filter) {
    return lines.next(filter);
  }

  /** The next JSON event with this name. */
  JsonNode event(String name) {
    return lines.nextEvent(name, e -> true);
  }

  int listeningPort() {
    String local = event("listening").path("local").asText();
    return Integer.parseInt(local.substring(local.lastIndexOf(':') + 1));
  }

  /**
   * Sends SIGTERM, as Ctrl+C sends SIGINT: the process closes and prints its summary. Through the
   * process handle, because {@link Process#destroy()} also closes our end of its output.
   */
  void terminate() {
    process.toHandle().destroy();
  }

  int exitCode() {
    try {
      if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("the process did not exit within " + WAIT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return process.exitValue();
  }

  /** Standard error, once the process has exited. */
  String err() {
    exitCode();
    return err.join();
  }

  private String errSoFar() {
    return process.isAlive()
        ? "process still running"
        : "exit code " + process.exitValue() + ", stderr: " + err.join();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
