package dev.socketdesk.app.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/** Reads standard input on its own thread and sends it: typed lines, or raw bytes from a pipe. */
final class StdinPump implements Runnable {
  private static final int CHUNK = 64 * 1024;

  private final SessionRunner runner;
  private final Stdio io;
  private final InputMode mode;
  private final Sender sender;
  private final LineCommands commands;

  StdinPump(SessionRunner runner, Stdio io, InputMode mode, Sender sender, LineCommands commands) {
    this.runner = runner;
    this.io = io;
    this.mode = mode;
    this.sender = sender;
    this.commands = commands;
  }

  @Override
  public void run() {
    try {
      if (mode == InputMode.LINES) {
        lines();
      } else if (!raw()) {
        return;
      }
    } catch (IOException e) {
      runner.printerError("standard input failed: " + e.getMessage());
    }
    if (!runner.done().isDone()) {
      runner.inputEnded();
    }
  }

  private void lines() throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(io.in(), io.charset()));
    for (String line; !runner.done().isDone() && (line = reader.readLine()) != null; ) {
      commands.handle(line);
    }
  }

  /** Returns false when the run ended before input could start. */
  private boolean raw() throws IOException {
    CompletableFuture.anyOf(runner.readyForRawInput(), runner.done()).join();
    if (runner.done().isDone()) {
      return false;
    }
    InputStream in = io.in();
    byte[] buffer = new byte[CHUNK];
    for (int n; !runner.done().isDone() && (n = in.read(buffer)) >= 0; ) {
      if (n > 0) {
        sender.send(Arrays.copyOf(buffer, n));
      }
    }
    return true;
  }
}
