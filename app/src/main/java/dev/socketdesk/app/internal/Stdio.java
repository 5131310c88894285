package dev.socketdesk.app.internal;

import java.io.Console;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Standard input as the commands see it.
 *
 * @param in the input stream.
 * @param terminal whether it is a terminal (lines mode by default) rather than a pipe (raw mode).
 * @param charset the encoding of typed lines (the platform's), before they are re-encoded to send.
 * @param shutdownHook whether Ctrl+C (a JVM shutdown hook) closes the session and prints the
 *     summary; off for in-process runs such as tests.
 */
public record Stdio(InputStream in, boolean terminal, Charset charset, boolean shutdownHook) {

  /** The process's standard input. */
  public static Stdio system() {
    String nativeName = System.getProperty("native.encoding");
    Charset charset;
    try {
      charset = nativeName == null ? Charset.defaultCharset() : Charset.forName(nativeName);
    } catch (IllegalArgumentException e) {
      charset = Charset.defaultCharset();
    }
    return new Stdio(System.in, isTerminal(), charset, true);
  }

  /**
   * The encoding for standard output and error: UTF-8, except on a Windows console, which shows
   * text in its own code page (e.g. GBK, code page 936, on a Chinese Windows).
   */
  public static Charset outputCharset() {
    boolean windows =
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    Console console = windows ? System.console() : null;
    return outputCharset(
        windows, console != null && isTerminal(), console == null ? null : console.charset());
  }

  static Charset outputCharset(boolean windows, boolean terminal, Charset consoleCharset) {
    return windows && terminal && consoleCharset != null ? consoleCharset : StandardCharsets.UTF_8;
  }

  /**
   * Whether standard input and output are a terminal. From Java 22 on, {@link System#console()}
   * returns a console even for pipes, and {@code Console.isTerminal()} tells the difference.
   */
  private static boolean isTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (ReflectiveOperationException beforeJava22) {
      return true;
    }
  }
}
