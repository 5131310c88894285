package dev.socketdesk.app.internal;

import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code --connect-timeout}, as every command that connects to a server words it. A mixin. */
@Command(addMethodSubcommands = false)
public final class ConnectTimeoutOption {
  @Option(
      names = "--connect-timeout",
      paramLabel = "DURATION",
      converter = Converters.ConnectTimeout.class,
      description = "Give up a connection attempt after this long (default 5s, at most 10m).")
  Duration connectTimeout = Duration.ofSeconds(5);

  public Duration value() {
    return connectTimeout;
  }
}
