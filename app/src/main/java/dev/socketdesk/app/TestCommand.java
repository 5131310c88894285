package dev.socketdesk.app;

import dev.socketdesk.app.internal.CliFailure;
import dev.socketdesk.app.internal.Converters;
import dev.socketdesk.app.internal.Stdio;
import dev.socketdesk.app.internal.TestProgress;
import dev.socketdesk.core.script.JsonReport;
import dev.socketdesk.core.script.JunitReport;
import dev.socketdesk.core.script.RunListener;
import dev.socketdesk.core.script.RunReport;
import dev.socketdesk.core.script.RunSettings;
import dev.socketdesk.core.script.ScriptException;
import dev.socketdesk.core.script.ScriptRunner;
import dev.socketdesk.core.script.Scripts;
import dev.socketdesk.core.script.Suite;
import dev.socketdesk.engine.codec.Visible;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code socketdesk test FILE...}: runs test scripts and gives a CI verdict. */
@Command(
    addMethodSubcommands = false,
    name = "test",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
      "Run test scripts (YAML): open links, send, expect answers; see docs/scripts.md.",
      "Exit code 0 when every test passed, 1 when one failed, 2 for a bad script (one line:"
          + " file:line:column: what is wrong; the fix)."
    })
public final class TestCommand implements Callable<Integer> {
  private final Stdio io;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Script files to run, in order.")
  List<Path> files;

  @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report to FILE.")
  Path junit;

  @Option(
      names = "--json",
      description = "Print the results as one JSON document instead of step lines.")
  boolean json;

  @Option(
      names = "--repeat",
      paramLabel = "N",
      converter = RepeatCount.class,
      description = "Run every test N times, one run after the other (soak runs; default 1).")
  int repeat = 1;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      converter = JobCount.class,
      description = "Run up to N tests at once (default 1).")
  int jobs = 1;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = RunTimeout.class,
      description = "Bound every test run to this long (e.g. 30s; up to 24h); default no bound.")
  Duration timeout;

  @Option(
      names = "--var",
      paramLabel = "NAME=VALUE",
      converter = Variable.class,
      description = "Set a variable for every test, over the scripts' vars: (repeatable).")
  List<Map.Entry<String, String>> varOptions = new ArrayList<>();

  public TestCommand(Stdio io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (timeout != null && timeout.isZero()) {
      throw CliFailure.usage("--timeout 0 is too short; use e.g. 30s");
    }
    Map<String, String> vars = new LinkedHashMap<>();
    varOptions.forEach(v -> vars.put(v.getKey(), v.getValue()));
    List<Suite> suites = new ArrayList<>();
    for (Path file : files) {
      try {
        suites.add(Scripts.read(file, vars.keySet()));
      } catch (ScriptException e) {
        out.flush();
        err.println(CliFailure.oneLine(e.getMessage()));
        err.flush();
        return CliFailure.USAGE;
      }
    }
    ScriptRunner runner = new ScriptRunner(new RunSettings(repeat, jobs, timeout, vars));
    TestProgress progress = json ? null : new TestProgress(out, jobs > 1);
    CountDownLatch reported = new CountDownLatch(1);
    Thread hook = null;
    if (io.shutdownHook()) {
      hook =
          new Thread(
              () -> {
                runner.cancel();
                awaitQuietly(reported);
              },
              "socketdesk-test-stop");
      Runtime.getRuntime().addShutdownHook(hook);
    }
    try {
      RunReport report = runner.run(suites, progress == null ? RunListener.NONE : progress);
      return report(report, progress, out, err);
    } finally {
      reported.countDown();
      if (hook != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // Ctrl+C: the hook waited for the reports above.
        }
      }
    }
  }

  private int report(RunReport report, TestProgress progress, PrintWriter out, PrintWriter err) {
    if (progress != null) {
      progress.summary(report);
    } else {
      out.println(JsonReport.toJson(report));
    }
    out.flush();
    if (junit != null) {
      try {
        JunitReport.write(report, junit);
      } catch (IOException e) {
        err.println("socketdesk: cannot write the JUnit report " + junit + ": " + e.getMessage());
        err.flush();
        return CliFailure.RUNTIME;
      }
    }
    return report.exitCode();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code --repeat N}: 1 or more. */
  static final class RepeatCount implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return Converters.count("--repeat", value);
    }
  }

  /** {@code --jobs N}: 1 or more. */
  static final class JobCount implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return Converters.count("--jobs", value);
    }
  }

  /** {@code --timeout DURATION}, in the core's duration wording with the option named. */
  static final class RunTimeout implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return Converters.parseDuration(value, "--timeout", Converters.MAX_DURATION);
    }
  }

  /** {@code --var NAME=VALUE}: a name, an equals sign, and a value (which may be empty). */
  static final class Variable implements ITypeConverter<Map.Entry<String, String>> {
    @Override
    public Map.Entry<String, String> convert(String value) {
      int equals = value.indexOf('=');
      if (equals <= 0) {
        throw new TypeConversionException(
            "--var '"
                + Visible.of(value)
                + (equals < 0 ? "' has no value" : "' has no name")
                + "; use --var NAME=VALUE, e.g. --var board=192.168.4.1:5000");
      }
      return Map.entry(value.substring(0, equals), value.substring(equals + 1));
    }
  }
}
