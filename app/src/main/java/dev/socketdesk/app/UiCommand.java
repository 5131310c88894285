package dev.socketdesk.app;

import dev.socketdesk.app.internal.CliFailure;
import dev.socketdesk.app.internal.SpecOptions;
import dev.socketdesk.core.ConfigDirs;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.web.UiServer;
import dev.socketdesk.web.UiServerException;
import java.awt.Desktop;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code socketdesk ui}: starts the web UI and waits for Ctrl+C, which closes every session.
 *
 * <p>Port policy: without {@code --port}, {@value #DEFAULT_PORT}, or the next free port up to
 * {@value #PORT_TRIES} further; with {@code --port}, exactly that port or an error (exit 1).
 *
 * <p>Token policy: every address, loopback included, has a token: {@code --token}, or one generated
 * at random; the printed URL and {@code --open} carry it. {@code --no-token} is allowed on loopback
 * addresses only and prints a warning; elsewhere it is bad input (exit 2), as is a weak {@code
 * --token}.
 */
@Command(
    addMethodSubcommands = false,
    name = "ui",
    mixinStandardHelpOptions = true,
    description = {
      "Start the web UI (the default when socketdesk runs without arguments) and print its URL.",
      "Ctrl+C closes every session and stops."
    })
public final class UiCommand implements Callable<Integer> {
  /** The port tried first when none is given. */
  public static final int DEFAULT_PORT = 7788;

  static final int PORT_TRIES = 20;

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "N",
      converter = PortConverter.class,
      description = "Port for the UI; default " + DEFAULT_PORT + ", or the next free one.")
  Integer port;

  @Option(
      names = {"--listen", "--bind"},
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on (default ${DEFAULT-VALUE}). --bind is the same option, named as"
              + " in the other commands.")
  String listen;

  @Option(
      names = "--token",
      paramLabel = "T",
      converter = TokenConverter.class,
      description =
          "Token every request must carry (it is put in the printed URL): "
              + UiServer.MIN_TOKEN_LENGTH
              + " to "
              + UiServer.MAX_TOKEN_LENGTH
              + " printable ASCII characters without spaces. Default: a random one.")
  String token;

  @Option(
      names = "--no-token",
      description =
          "No token, on a loopback --listen address only (127.0.0.0/8, ::1): any local user or"
              + " program can then drive the UI.")
  boolean noToken;

  @Option(names = "--open", description = "Open the UI in the desktop browser.")
  boolean open;

  @Option(
      names = "--config-dir",
      paramLabel = "DIR",
      description = "Where settings.json is kept (default: the user's config dir/socketdesk).")
  Path configDir;

  /** Converts {@code --port}: 1 to 65535 in ASCII digits, naming the bad value and the fix. */
  static final class PortConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        return HostPort.parsePort(value, 1);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Refuses a weak {@code --token}, naming the minimum length. */
  static final class TokenConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String problem = UiServer.tokenProblem(value);
      if (problem != null) {
        throw new TypeConversionException("--token refused: " + problem);
      }
      return value;
    }
  }

  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile Runnable shutdown = () -> {};

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    String host = listen.trim();
    boolean loopback;
    try {
      loopback = InetAddress.getByName(unbracket(host)).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw CliFailure.usage(
          "listen address '"
              + host
              + "' is unknown; use 127.0.0.1, 0.0.0.0 or an address of this machine");
    }
    if (noToken && token != null) {
      throw CliFailure.usage("--token and --no-token contradict each other; give one of them");
    }
    if (noToken && !loopback) {
      throw CliFailure.usage(
          "--no-token is allowed on loopback addresses only (127.0.0.0/8, ::1), not on '"
              + host
              + "'; drop --no-token and use the printed URL with its token");
    }
    Path dir = configDir != null ? configDir : ConfigDirs.defaultDir();
    Engine engine = Engine.create();
    UiServer server;
    try {
      server =
          port != null
              ? build(engine, host, port, token, noToken, dir).start()
              : startFrom(DEFAULT_PORT, engine, host, token, noToken, dir);
    } catch (UiServerException e) {
      engine.close();
      throw CliFailure.runtime(
          e.failure() == null ? e.getMessage() : SpecOptions.failure(e.failure()));
    }
    AtomicBoolean closed = new AtomicBoolean();
    shutdown =
        () -> {
          if (closed.compareAndSet(false, true)) {
            server.close();
            engine.close();
          }
          stopped.countDown();
        };
    Thread hook = new Thread(shutdown, "socketdesk-ui-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    if (noToken) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "socketdesk: warning: --no-token: any local user or program on this machine can drive"
              + " this UI and the sessions it opens, without a token");
      err.flush();
    }
    out.println(startLine(server.url(), port != null ? port : DEFAULT_PORT, server.port()));
    if (isWildcard(host)) {
      for (String address : lanAddresses()) {
        out.println("  from other machines: " + server.urlFor(address));
      }
    }
    out.println("Press Ctrl+C to stop.");
    out.flush();
    if (open) {
      openBrowser(server.url(), spec.commandLine().getErr());
    }
    stopped.await();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // Ctrl+C: the hook is running and has closed everything.
    }
    return 0;
  }

  /**
   * The first line: the URL, and when the port tried first was busy (another SocketDesk UI, say),
   * that this one runs on the next free port instead.
   */
  static String startLine(String url, int firstTried, int port) {
    return "SocketDesk UI: "
        + url
        + (port == firstTried
            ? ""
            : " (port "
                + firstTried
                + " is in use, by another SocketDesk perhaps; using "
                + port
                + ")");
  }

  /** Closes every session and the server, and lets {@link #call()} return 0; as Ctrl+C does. */
  void stop() {
    shutdown.run();
    stopped.countDown();
  }

  /**
   * Starts on {@code first}, or the next free port up to {@value #PORT_TRIES} further; {@code
   * token} null means a random one unless {@code noToken}.
   */
  static UiServer startFrom(
      int first, Engine engine, String host, String token, boolean noToken, Path dir) {
    UiServerException last = null;
    for (int p = first; p < first + PORT_TRIES && p <= 65535; p++) {
      try {
        return build(engine, host, p, token, noToken, dir).start();
      } catch (UiServerException e) {
        if (!e.portInUse()) {
          throw e;
        }
        last = e;
      }
    }
    throw new UiServerException(
        "ports "
            + first
            + " to "
            + (first + PORT_TRIES - 1)
            + " are all in use ("
            + (last == null ? "" : last.getMessage())
            + "); choose one with --port",
        true);
  }

  private static UiServer build(
      Engine engine, String host, int p, String token, boolean noToken, Path dir) {
    UiServer.Builder b = UiServer.builder(engine).host(host).port(p).configDir(dir);
    return (noToken ? b.noToken() : b.token(token)).build();
  }

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static boolean isWildcard(String host) {
    String h = unbracket(host);
    return h.equals("0.0.0.0") || h.equals("::");
  }

  private static java.util.List<String> lanAddresses() {
    java.util.List<String> result = new java.util.ArrayList<>();
    try {
      for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nif.isUp() || nif.isLoopback()) {
          continue;
        }
        for (InetAddress ip : Collections.list(nif.getInetAddresses())) {
          if (ip instanceof Inet4Address) {
            result.add(ip.getHostAddress());
          }
        }
      }
    } catch (IOException e) {
      return result;
    }
    return result;
  }

  /** Opens the URL in the desktop browser; a failure is a one-line note, not an error. */
  static void openBrowser(String url, PrintWriter err) {
    try {
      if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
        Desktop.getDesktop().browse(URI.create(url));
        return;
      }
      String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
      ProcessBuilder pb =
          os.contains("win")
              ? new ProcessBuilder("rundll32", "url.dll,FileProtocolHandler", url)
              : os.contains("mac")
                  ? new ProcessBuilder("open", url)
                  : new ProcessBuilder("xdg-open", url);
      pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException | RuntimeException e) {
      err.println(
          "socketdesk: could not open a browser ("
              + e.getMessage()
              + "); open the URL above yourself");
      err.flush();
    }
  }
}
