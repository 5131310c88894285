package dev.socketdesk.app.internal;

import dev.socketdesk.engine.CaptureOptions;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Output and input options shared by every network command. A picocli mixin. */
@Command(addMethodSubcommands = false)
public final class RunOptions {

  @Option(
      names = "--quiet",
      description =
          "Do not print data lines; count bytes only (fastest). Connections, errors and the"
              + " summary are still printed.")
  boolean quiet;

  @Option(names = "--json", description = "Print one JSON object per line instead of text.")
  boolean json;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      converter = Converters.Interval.class,
      description =
          "Once standard input has ended, exit after this long at most (e.g. 2s; up to 24h)."
              + " Default:"
              + " tcp-client waits for the server to close; tcp-server and udp keep running.")
  Duration waitAfterInput;

  @Option(
      names = "--input",
      paramLabel = "MODE",
      converter = Converters.Input.class,
      description =
          "How standard input is read: auto (default: lines on a terminal, raw from a pipe),"
              + " lines, raw (bytes unchanged, like netcat) or none.")
  InputMode input = InputMode.AUTO;

  @Mixin CaptureMixin capture;

  @Option(
      names = "--log",
      paramLabel = "FILE",
      description =
          "Append every event to FILE as JSON lines (the --json format), flushed within 50 ms.")
  Path log;

  @Option(
      names = "--log-max",
      paramLabel = "SIZE",
      converter = Converters.Size.class,
      description =
          "Continue the log in FILE-2, FILE-3, ... once a file reaches SIZE (default 100MB).")
  long logMax = 100L << 20;

  @Option(
      names = "--log-files",
      paramLabel = "N",
      converter = Converters.Limit.class,
      description = "Keep only the newest N log files, deleting older ones (default 0: all).")
  int logFiles;

  @Option(
      names = "--record",
      paramLabel = "FILE",
      description =
          "At the end, write what was sent and what came back to FILE as a test script"
              + " (socketdesk test FILE replays it; answers become expect steps).")
  Path record;

  /** Where to write the recorded script, or null. */
  public Path record() {
    return record;
  }

  /** The event log file series, opened; null without {@code --log}. */
  RotatingLogWriter openLog() {
    if (log == null) {
      return null;
    }
    if (logMax < 1024) {
      throw CliFailure.usage("log file size " + logMax + " bytes is too small; use 1k or more");
    }
    return RotatingLogWriter.open(log, logMax, logFiles);
  }

  /** The capture to start, or null for none. */
  public CaptureOptions capture() {
    return capture.options();
  }

  public boolean quiet() {
    return quiet;
  }

  public boolean json() {
    return json;
  }

  /** The time to wait after the end of input, or null for the default. */
  public Duration waitAfterInput() {
    return waitAfterInput;
  }

  /** The input mode, with AUTO resolved by whether standard input is a terminal. */
  public InputMode input(boolean stdinIsTerminal) {
    if (input == InputMode.AUTO) {
      return stdinIsTerminal ? InputMode.LINES : InputMode.RAW;
    }
    return input;
  }
}
