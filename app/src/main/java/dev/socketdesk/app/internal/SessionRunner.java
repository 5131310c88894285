package dev.socketdesk.app.internal;

import dev.socketdesk.core.script.ScriptRecorder;
import dev.socketdesk.core.spec.Durations;
import dev.socketdesk.engine.CaptureOptions;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.FileRing;
import dev.socketdesk.engine.PeerInfo;
import dev.socketdesk.engine.PeriodicSend;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionListener;
import dev.socketdesk.engine.SessionState;
import dev.socketdesk.engine.SessionType;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs one session for a command: opens it, prints its events, starts the timed send, feeds it
 * standard input, and at the end (the peer closed, {@code /quit}, {@code --wait} after the input,
 * or Ctrl+C) closes it and prints the summary.
 */
public final class SessionRunner {
  private static final long CLOSE_SECONDS = 5;

  private final Stdio io;
  private final PrintWriter out;
  private final FormatOptions format;
  private final RunOptions options;
  private final SessionType type;
  private final boolean reconnect;
  private final boolean hasDefaultTarget;
  private final CompletableFuture<Integer> done = new CompletableFuture<>();
  private final CompletableFuture<Void> firstPeer = new CompletableFuture<>();
  private final AtomicBoolean finishing = new AtomicBoolean();
  private final CompletableFuture<Void> finished = new CompletableFuture<>();
  private Engine engine;
  private Session session;
  private Output output;
  private EventPrinter printer;
  private RotatingLogWriter logWriter;
  private Output logOutput;
  private EventPrinter logPrinter;
  private Sender sender;
  private volatile boolean opened;
  private CompletableFuture<Void> afterPeriodic = CompletableFuture.completedFuture(null);
  private Function<Session, ScriptRecorder> recording;
  private ScriptRecorder recorder;
  private volatile boolean recordingLost;

  /**
   * @param hasDefaultTarget whether sends have somewhere to go before any peer shows up (a TCP
   *     client, or UDP with {@code --to}); raw input waits for the first peer otherwise.
   */
  public SessionRunner(
      Stdio io,
      PrintWriter out,
      FormatOptions format,
      RunOptions options,
      SessionType type,
      boolean reconnect,
      boolean hasDefaultTarget) {
    this.io = io;
    this.out = out;
    this.format = format;
    this.options = options;
    this.type = type;
    this.reconnect = reconnect;
    this.hasDefaultTarget = hasDefaultTarget;
  }

  /**
   * How {@code --record} describes this command's link in the script it writes; without it (or with
   * null), {@code --record} is refused before anything opens.
   */
  public SessionRunner recordAs(Function<Session, ScriptRecorder> recording) {
    this.recording = recording;
    return this;
  }

  /**
   * Runs the session until it ends and returns the exit code.
   *
   * @param create makes the session on the engine.
   * @param actions the command's automatic actions; the timed send ({@code --every}) starts here.
   * @param failures the message for a session that cannot open.
   * @param openTimeout how long opening may take before it is reported as a failure.
   * @throws CliFailure when the session cannot open, or the timed send is not valid.
   */
  public int run(
      Function<Engine, Session> create,
      ActionOptions actions,
      Function<SessionException, String> failures,
      Duration openTimeout) {
    if (options.record() != null && recording == null) {
      throw CliFailure.usage(
          "--record: "
              + ScriptRecorder.cannotRecord(
                  type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), false));
    }
    if (options.record() != null) {
      try {
        ScriptRecorder.checkWritable(options.record());
      } catch (IOException e) {
        throw CliFailure.usage("--record: " + FileRing.cannotWrite(e, options.record()));
      }
    }
    Optional<PeriodicSend> periodic = actions.periodic(format.sendFormat());
    CaptureOptions capture = options.capture();
    logWriter = options.openLog();
    engine = Engine.create();
    Thread hook = null;
    int code;
    try {
      session = create.apply(engine);
      if (capture != null) {
        try {
          session.startCapture(capture);
        } catch (SessionException e) {
          throw CliFailure.usage(e.getMessage());
        }
      }
      output = new Output(out, () -> done.complete(0));
      EventFormat lines = options.json() ? new JsonFormat() : new TextFormat();
      printer = printer(output, lines, options.quiet(), options.json());
      sender = new Sender(session, type, printer, format.sendFormat());
      session.addListener(printer);
      if (logWriter != null) {
        logOutput = new Output(new PrintWriter(logWriter), this::logStopped);
        logPrinter = printer(logOutput, new JsonFormat(), false, true);
        session.addListener(logPrinter);
      }
      session.addListener(new Control());
      if (options.record() != null && recording != null) {
        recorder = recording.apply(session);
        session.addListener(recorder);
      }
      open(failures, openTimeout);
      if (io.shutdownHook()) {
        hook = new Thread(this::interrupted, "socketdesk-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
      }
      periodic.ifPresent(this::startPeriodic);
      startInput();
      code = done.join();
    } finally {
      if (!opened) {
        abort();
      } else {
        finish();
      }
      if (hook != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // The hook is running or has run; it finishes the session itself.
        }
      }
    }
    return recordingLost && code == 0 ? CliFailure.RUNTIME : code;
  }

  private void open(Function<SessionException, String> failures, Duration openTimeout) {
    CompletableFuture<?> opening = session.open();
    if (reconnect) {
      opened = true;
      printer.opened();
      return;
    }
    try {
      opening.get(openTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = unwrap(e);
      if (cause instanceof SessionException se) {
        throw new CliFailure(exitCode(se.code()), failures.apply(se));
      }
      if (cause instanceof IllegalArgumentException) {
        throw CliFailure.usage(cause.getMessage());
      }
      throw CliFailure.runtime(String.valueOf(cause.getMessage()));
    } catch (TimeoutException e) {
      throw CliFailure.runtime(
          session.target()
              + " did not open within "
              + Durations.format(openTimeout)
              + "; check the address and the network");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliFailure.runtime("interrupted while opening " + session.target());
    }
    opened = true;
    printer.opened();
  }

  private void startPeriodic(PeriodicSend periodic) {
    CompletableFuture<Void> sending = session.startPeriodic(periodic);
    if (periodic.count() > 0) {
      afterPeriodic = sending.handle((v, e) -> null);
    }
  }

  private void startInput() {
    InputMode mode = options.input(io.terminal());
    if (mode == InputMode.NONE) {
      return;
    }
    LineCommands commands = new LineCommands(session, type, printer, sender, done);
    StdinPump pump = new StdinPump(this, io, mode, sender, commands);
    Thread reader = new Thread(pump, "socketdesk-stdin");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Completes when raw input may start: at once with a default target, else when the first peer
   * shows up (with {@code --quiet}, UDP cannot see its first sender, so it starts at once).
   */
  CompletableFuture<Void> readyForRawInput() {
    boolean now = hasDefaultTarget || (type == SessionType.UDP && options.quiet());
    return now ? CompletableFuture.completedFuture(null) : firstPeer;
  }

  /** Reports a problem that is not a session event. */
  void printerError(String message) {
    printer.error(null, message);
  }

  /** Completes when the run is ending. */
  CompletableFuture<Integer> done() {
    return done;
  }

  /**
   * Standard input has ended: after the pending and timed sends, a TCP client half-closes, and with
   * {@code --wait} the run ends after that long.
   */
  void inputEnded() {
    sender.drain();
    Duration wait = options.waitAfterInput();
    afterPeriodic.thenRun(
        () -> {
          if (type.isClient() && !done.isDone()) {
            if (recorder != null) {
              recorder.endingOurSide();
            }
            session.shutdownOutput().exceptionally(e -> null);
          }
          if (wait != null) {
            CompletableFuture.delayedExecutor(wait.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> done.complete(0));
          }
        });
  }

  private void interrupted() {
    done.complete(0);
    finish();
  }

  /** Closes the session, prints the summary once, and stops the engine. Idempotent. */
  private void finish() {
    if (!finishing.compareAndSet(false, true)) {
      finished.orTimeout(CLOSE_SECONDS * 2, TimeUnit.SECONDS).exceptionally(e -> null).join();
      return;
    }
    try {
      List<PeerInfo> connected = session.peers();
      session.stopPeriodic();
      session.close().get(CLOSE_SECONDS, TimeUnit.SECONDS);
      printer.awaitClosed(CLOSE_SECONDS, TimeUnit.SECONDS);
      printer.summary(session.counters(), connected);
      if (logPrinter != null) {
        logPrinter.awaitClosed(CLOSE_SECONDS, TimeUnit.SECONDS);
        logPrinter.summary(session.counters(), connected);
      }
    } catch (ExecutionException | TimeoutException e) {
      printer.error(null, "the session did not close cleanly: " + unwrap(e).getMessage());
      printer.summary(session.counters(), List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      writeRecording();
      output.close();
      closeLog();
      engine.close();
      finished.complete(null);
    }
  }

  /**
   * Writes the {@code --record} script, if any; a failure is reported, and the run then ends with
   * exit code 1.
   */
  private void writeRecording() {
    if (recorder == null) {
      return;
    }
    try {
      recorder.write(options.record());
    } catch (IOException e) {
      recordingLost = true;
      printer.error(null, "--record: " + FileRing.cannotWrite(e, options.record()));
    }
  }

  /** A printer of this session's events into {@code out}, in the command's display settings. */
  private EventPrinter printer(Output out, EventFormat lines, boolean quiet, boolean json) {
    return new EventPrinter(
        out, lines, format.display(), format.encoding(), quiet, json, type.isClient(), !reconnect);
  }

  /** The event log's file failed (a full disk): say so once; the session keeps running. */
  private void logStopped() {
    session.removeListener(logPrinter);
    printer.error(null, "the event log stopped: " + logWriter.failure());
  }

  private void closeLog() {
    if (logOutput != null) {
      logOutput.close();
    }
    if (logWriter != null) {
      try {
        logWriter.close();
      } catch (IOException e) {
        if (printer != null) {
          printer.error(null, "the event log did not close: " + logWriter.failure());
        }
      }
    }
  }

  /** Cleans up after a failure to open: no summary. */
  private void abort() {
    if (!finishing.compareAndSet(false, true)) {
      return;
    }
    try {
      if (session != null) {
        session.close();
      }
      if (output != null) {
        output.close();
      }
      closeLog();
    } finally {
      engine.close();
      finished.complete(null);
    }
  }

  /**
   * The exit code of a session that failed with {@code code}: bad input (a path that is no serial
   * port, an invalid setting) exits 2, as a bad option does; anything else 1.
   */
  static int exitCode(String code) {
    return code != null
            && (code.equals(SessionException.code(SessionException.Kind.SERIAL_NOT_A_PORT))
                || code.equals(SessionException.code(SessionException.Kind.INVALID)))
        ? CliFailure.USAGE
        : CliFailure.RUNTIME;
  }

  static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof ExecutionException || t instanceof CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /**
   * Ends the run when the session ends, or when a client's connection ends without reconnect. A
   * session that failed (with reconnect, one that gave up: a path that is no serial port) exits
   * non-zero, by the kind of its last failure.
   */
  private final class Control implements SessionListener {
    private volatile String lastFailure;

    @Override
    public void onEvent(SessionEvent event) {
      if (event instanceof SessionEvent.Error error && error.peer() == null) {
        lastFailure = error.code();
      } else if (event instanceof SessionEvent.Connected
          || event instanceof SessionEvent.Received) {
        firstPeer.complete(null);
      } else if (event instanceof SessionEvent.Disconnected && type.isClient() && !reconnect) {
        done.complete(0);
      } else if (event instanceof SessionEvent.Closed) {
        done.complete(session.state() == SessionState.FAILED ? exitCode(lastFailure) : 0);
      }
    }

    @Override
    public boolean wantsData() {
      return false;
    }
  }
}
