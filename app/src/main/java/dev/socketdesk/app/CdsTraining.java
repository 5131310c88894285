package dev.socketdesk.app;

import dev.socketdesk.app.internal.Stdio;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * The training run of the launchers' class-data archive (docs/performance.md, Start-up): in one JVM
 * started with {@code -XX:DumpLoadedClassList}, a {@code tcp-server} reading typed lines (text
 * output) and a {@code tcp-client} ({@code --json}) sending it a line, on a loopback port, so that
 * one class list holds the classes of both (Java 17 cannot merge class lists of separate runs).
 * Neither the web UI nor {@code simulate}: Java 17 relocates the whole archive each time it maps
 * it, so every archived class costs each start a little; with the UI's classes the archive grew
 * from 23 to 39 MB and {@code tcp-server} took about 13% longer to listen. A step that fails leaves
 * its classes out of the list, nothing else; the JVM ends with exit code 0 after {@value
 * #LIMIT_SECONDS} seconds at most.
 */
public final class CdsTraining {
  private static final long LIMIT_SECONDS = 30;
  private static final long STEP_SECONDS = 10;
  private static final byte[] LINE = "hello\n".getBytes(StandardCharsets.US_ASCII);

  private CdsTraining() {}

  public static void main(String[] args) throws Exception {
    Thread limit =
        new Thread(
            () -> {
              try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(LIMIT_SECONDS));
              } catch (InterruptedException e) {
                return;
              }
              Runtime.getRuntime().halt(0);
            },
            "socketdesk-training-limit");
    limit.setDaemon(true);
    limit.start();
    Main.setUpProcess();
    Stdio.outputCharset();
    try {
      tcpServerAndClient();
    } catch (Exception e) {
      System.err.println("socketdesk: the training run stopped early: " + e);
    } finally {
      Runtime.getRuntime().halt(0);
    }
  }

  /** A {@code tcp-server} reading typed lines, and a {@code tcp-client} that sends it a line. */
  private static void tcpServerAndClient() throws Exception {
    int port = freePort();
    PipedOutputStream typed = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(typed);
    CompletableFuture<Integer> server =
        start(
            "tcp-server",
            stdin,
            "tcp-server",
            "--bind",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--input",
            "lines");
    if (awaitListening(port, server)) {
      command(
          "tcp-client",
          new ByteArrayInputStream(LINE),
          "tcp-client",
          "127.0.0.1:" + port,
          "--json",
          "--wait",
          "500ms");
    }
    typed.write("/quit\n".getBytes(StandardCharsets.US_ASCII));
    typed.close();
    server.get(STEP_SECONDS, TimeUnit.SECONDS);
  }

  private static int command(String name, InputStream stdin, String... args) throws Exception {
    return start(name, stdin, args).get(STEP_SECONDS, TimeUnit.SECONDS);
  }

  private static CompletableFuture<Integer> start(String name, InputStream stdin, String... args) {
    CommandLine cl = commandLine(name, stdin);
    return CompletableFuture.supplyAsync(() -> cl.execute(args));
  }

  /** The command as a process runs it (with its shutdown hook), its output discarded. */
  private static CommandLine commandLine(String name, InputStream stdin) {
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    return Main.commandLine(
        new Stdio(stdin, false, StandardCharsets.UTF_8, true), nowhere, nowhere, name);
  }

  /** Whether the port accepts a connection before the command ends, within the step's time. */
  private static boolean awaitListening(int port, CompletableFuture<Integer> command)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
    while (System.nanoTime() < end && !command.isDone()) {
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
        return true;
      } catch (IOException notYet) {
        TimeUnit.MILLISECONDS.sleep(10);
      }
    }
    return false;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
