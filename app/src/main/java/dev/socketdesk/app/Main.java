package dev.socketdesk.app;

import dev.socketdesk.app.internal.CliFailure;
import dev.socketdesk.app.internal.CloseMatches;
import dev.socketdesk.app.internal.HideRecordOption;
import dev.socketdesk.app.internal.SilentNettyLog;
import dev.socketdesk.app.internal.Stdio;
import dev.socketdesk.app.internal.WarmUp;
import dev.socketdesk.engine.Engine;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code socketdesk} command. Exit codes: 0 success, 2 bad usage or input, 1 a failure at run
 * time. Errors are one line on stderr, {@code socketdesk: <message>}. Only this class calls {@link
 * System#exit}.
 */
@Command(
    addMethodSubcommands = false,
    name = "socketdesk",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = {
      "Network debugging assistant: TCP server and client (TLS too), UDP, WebSocket and serial port.",
      "Without a command it starts the web UI (see 'socketdesk ui --help')."
    },
    footer = {"", "Run 'socketdesk COMMAND --help' for the options of a command."})
public final class Main implements Callable<Integer> {
  /** Every subcommand by name, in the order of the usage help. */
  private static final Map<String, Function<Stdio, Object>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    SUBCOMMANDS.put("tcp-server", TcpServerCommand::new);
    SUBCOMMANDS.put("tcp-client", TcpClientCommand::new);
    SUBCOMMANDS.put("udp", UdpCommand::new);
    SUBCOMMANDS.put("serial", SerialCommand::new);
    SUBCOMMANDS.put("forward", ForwardCommand::new);
    SUBCOMMANDS.put("ws-server", WsServerCommand::new);
    SUBCOMMANDS.put("ws-client", WsClientCommand::new);
    SUBCOMMANDS.put("ui", io -> new UiCommand());
    SUBCOMMANDS.put("simulate", SimulateCommand::new);
    SUBCOMMANDS.put("simulate-report", io -> new SimulateReportCommand());
    SUBCOMMANDS.put("test", TestCommand::new);
  }

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    setUpProcess();
    Charset charset = Stdio.outputCharset();
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), charset), 1 << 16),
            false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
    String invoked = args.length > 0 && SUBCOMMANDS.containsKey(args[0]) ? args[0] : null;
    int code = commandLine(Stdio.system(), out, err, invoked).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * What a process sets before its command runs: Netty's log and leak detection; then it starts the
   * warm-up thread ({@link WarmUp}), as Netty's classes read these settings once.
   */
  static void setUpProcess() {
    SilentNettyLog.install();
    if (System.getProperty("io.netty.leakDetection.level") == null
        && System.getProperty("io.netty.leakDetectionLevel") == null) {
      // Netty's log is off, so sampled leak detection would only cost latency (one buffer in 128
      // takes a slow path); the tests run it at paranoid. Set the property to turn it back on.
      System.setProperty("io.netty.leakDetection.level", "disabled");
    }
    WarmUp.start();
  }

  /** The command line with every subcommand, writing to {@code out} and {@code err}. */
  public static CommandLine commandLine(Stdio io, PrintWriter out, PrintWriter err) {
    return commandLine(io, out, err, null);
  }

  /**
   * The command line with only the {@code invoked} subcommand, or with every one when null.
   * Building picocli's model of one command instead of all of them saves a good part of start-up;
   * and the model of the root command is built on a thread of its own meanwhile, as building models
   * (reflection on cold code) is most of a start's work, and the two models share nothing.
   */
  static CommandLine commandLine(Stdio io, PrintWriter out, PrintWriter err, String invoked) {
    CommandLine cl;
    if (invoked == null) {
      cl = new CommandLine(new Main());
      SUBCOMMANDS.forEach(
          (name, create) -> addSubcommand(cl, name, new CommandLine(create.apply(io))));
    } else {
      FutureTask<CommandLine> root = new FutureTask<>(() -> new CommandLine(new Main()));
      Thread rootModel = new Thread(root, "socketdesk-cli-model");
      rootModel.setDaemon(true);
      rootModel.start();
      CommandLine sub = new CommandLine(SUBCOMMANDS.get(invoked).apply(io));
      cl = built(root);
      addSubcommand(cl, invoked, sub);
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(Main::badUsage);
    cl.setExecutionExceptionHandler(Main::failed);
    return cl;
  }

  private static void addSubcommand(CommandLine cl, String name, CommandLine sub) {
    cl.addSubcommand(name, sub);
    if (HideRecordOption.COMMANDS.contains(name)) {
      HideRecordOption.apply(sub.getCommandSpec());
    }
  }

  /** The task's command line, once built; what building it threw, thrown here. */
  private static CommandLine built(FutureTask<CommandLine> task) {
    try {
      return task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw (Error) e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building the command line", e);
    }
  }

  /** Without a command, SocketDesk starts its web UI. */
  @Override
  public Integer call() {
    return spec.commandLine().getSubcommands().get("ui").execute();
  }

  private static int badUsage(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    if (!(ex instanceof UnmatchedArgumentException) && !cl.getUnmatchedArguments().isEmpty()) {
      // A typo comes first: it often explains the error picocli met after it (a missing required
      // option, or the typo's value taken as a positional parameter).
      ex = new UnmatchedArgumentException(cl, cl.getUnmatchedArguments());
    }
    String message;
    if (ex.getCause() instanceof TypeConversionException conversion) {
      message = namingTheOption(conversion.getMessage(), ex.getArgSpec());
    } else {
      String what = ex instanceof UnmatchedArgumentException u ? unmatched(u) : ex.getMessage();
      message = what + "; see '" + cl.getCommandSpec().qualifiedName() + " --help'";
    }
    return fail(cl, CliFailure.USAGE, message);
  }

  /**
   * A converter's message names the value but not the option, which converters do not know. The
   * option's name goes before it: {@code 'x' is not a whole number} becomes {@code --max-clients
   * 'x' is not a whole number}; it replaces a subject that is the option in words ({@code port
   * 70000 is out of range} becomes {@code --port 70000 is out of range}); before any other subject
   * it comes with a colon ({@code --to: port 'x' is not a number}). A message that names the option
   * already stays as it is, and so does one about a positional parameter.
   */
  static String namingTheOption(String message, ArgSpec arg) {
    if (!(arg instanceof OptionSpec option)) {
      return message;
    }
    for (String name : option.names()) {
      if (message.matches("(?s).*(?<![\\w-])" + Pattern.quote(name) + "(?![\\w-]).*")) {
        return message;
      }
      String inWords = name.replaceFirst("^-+", "").replace('-', ' ') + " ";
      if (message.startsWith(inWords)
          && message.substring(inWords.length()).matches("(?s)['\\d-].*")) {
        return name + message.substring(inWords.length() - 1);
      }
    }
    return option.longestName() + (message.startsWith("'") ? " " : ": ") + message;
  }

  /**
   * Names the first word that matched nothing, with the known ones closest to it: {@code unknown
   * option '--prot' (did you mean --port?)}. What follows an unknown option (often its value) is
   * not listed.
   */
  private static String unmatched(UnmatchedArgumentException ex) {
    List<String> words = ex.getUnmatched();
    if (words.isEmpty()) {
      return ex.getMessage();
    }
    String first = words.get(0);
    CommandLine cl = ex.getCommandLine();
    List<String> close;
    String what;
    if (first.startsWith("-")) {
      what = "unknown option '";
      close = CloseMatches.of(first, cl.getCommandSpec().optionsMap().keySet(), 3);
    } else if (!cl.getSubcommands().isEmpty()) {
      what = "unknown command '";
      close = CloseMatches.of(first, cl.getSubcommands().keySet(), 3);
    } else {
      return "unexpected argument '" + first + "'";
    }
    String hint = close.isEmpty() ? "" : " (did you mean " + String.join(" or ", close) + "?)";
    return what + first + "'" + hint;
  }

  private static int failed(Exception ex, CommandLine cl, ParseResult parsed) {
    if (ex instanceof CliFailure failure) {
      return fail(cl, failure.exitCode(), failure.getMessage());
    }
    return fail(
        cl,
        CliFailure.RUNTIME,
        "unexpected "
            + ex.getClass().getSimpleName()
            + ": "
            + ex.getMessage()
            + "; please report this with the command you ran");
  }

  private static int fail(CommandLine cl, int code, String message) {
    cl.getOut().flush();
    PrintWriter err = cl.getErr();
    err.println("socketdesk: " + CliFailure.oneLine(message));
    err.flush();
    return code;
  }

  /** The version from the build, the Java version and the network transport. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("/socketdesk-version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "socketdesk "
            + p.getProperty("version", "unknown")
            + " (Java "
            + Runtime.version()
            + ", "
            + Engine.transport()
            + ")"
      };
    }
  }
}
