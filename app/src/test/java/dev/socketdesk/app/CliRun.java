package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socketdesk.app.internal.Stdio;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs {@code socketdesk} in-process on its own thread, with standard input fed by the test and
 * standard output recorded line by line.
 */
final class CliRun implements AutoCloseable {
  static final long WAIT_SECONDS = 10;

  private final LineRecorder outLines = new LineRecorder();
  private final StringWriter err = new StringWriter();
  private final PipedOutputStream stdin;
  private final CompletableFuture<Integer> exit;

  private CliRun(InputStream in, PipedOutputStream stdin, String... args) {
    this.stdin = stdin;
    Stdio io = new Stdio(in, false, StandardCharsets.UTF_8, false);
    PrintWriter out = new PrintWriter(outLines, false);
    PrintWriter errWriter = new PrintWriter(err, true);
    exit =
        CompletableFuture.supplyAsync(
            () -> Main.commandLine(io, out, errWriter).execute(args),
            r -> {
              Thread t = new Thread(r, "cli-under-test");
              t.setDaemon(true);
              t.start();
            });
  }

  /** Starts with standard input open, to be written with {@link #type}. */
  static CliRun interactive(String... args) {
    try {
      PipedOutputStream stdin = new PipedOutputStream();
      PipedInputStream in = new PipedInputStream(stdin, 1 << 16);
      return new CliRun(in, stdin, args);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A {@code tcp-server} on 127.0.0.1 and a free port, printing JSON and reading typed lines, with
   * {@code moreArgs} after those.
   */
  static CliRun jsonTcpServer(String... moreArgs) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "tcp-server", "--bind", "127.0.0.1", "--port", "0", "--json", "--input", "lines"));
    args.addAll(List.of(moreArgs));
    return interactive(args.toArray(new String[0]));
  }

  /** Starts with the given bytes as the whole of standard input. */
  static CliRun piped(byte[] input, String... args) {
    return new CliRun(new ByteArrayInputStream(input), null, args);
  }

  /** Types a line on standard input. */
  void type(String line) {
    try {
      stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends standard input. */
  void endInput() {
    try {
      stdin.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next output line matching {@code filter}, skipping others; waits up to 10 s. */
  String line(Predicate<String> filter) {
    return outLines.lines.next(filter);
  }

  /** The next JSON event of the given name, skipping other lines. */
  JsonNode event(String name) {
    return event(name, e -> true);
  }

  /** The next JSON event named {@code name} that {@code which} accepts; others are skipped. */
  JsonNode event(String name, Predicate<JsonNode> which) {
    return outLines.lines.nextEvent(name, which);
  }

  /** The port of the {@code listening} event's {@code local} address. */
  int listeningPort() {
    String local = event("listening").path("local").asText();
    return Integer.parseInt(local.substring(local.lastIndexOf(':') + 1));
  }

  int exitCode() {
    try {
      return exit.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("socketdesk did not exit within " + WAIT_SECONDS + " s", e);
    }
  }

  String err() {
    return err.toString();
  }

  /** Every line written so far, taken or not. */
  List<String> allLines() {
    return outLines.all();
  }

  @Override
  public void close() {
    if (stdin != null && !exit.isDone()) {
      type("/quit");
    }
    assertThat(exitCode()).isNotNegative();
  }

  /** A writer that queues each complete line. */
  static final class LineRecorder extends Writer {
    private final StringBuilder partial = new StringBuilder();
    private final OutputLines lines = new OutputLines(WAIT_SECONDS, () -> "");
    private final List<String> all = new ArrayList<>();

    @Override
    public synchronized void write(char[] buf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        char c = buf[i];
        if (c == '\n') {
          all.add(partial.toString());
          lines.add(partial.toString());
          partial.setLength(0);
        } else if (c != '\r') {
          partial.append(c);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    synchronized List<String> all() {
      return List.copyOf(all);
    }
  }
}
