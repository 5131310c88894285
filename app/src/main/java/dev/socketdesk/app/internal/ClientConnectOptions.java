package dev.socketdesk.app.internal;

import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a client command ({@code tcp-client}, {@code ws-client}) connects: {@code --connect-timeout}
 * and {@code --reconnect}. A picocli mixin.
 */
@Command(addMethodSubcommands = false)
public final class ClientConnectOptions {
  @Mixin ConnectTimeoutOption timeout;

  @Option(
      names = "--reconnect",
      description = "When the connection fails or is lost, try again with backoff until Ctrl+C.")
  boolean reconnect;

  public Duration connectTimeout() {
    return timeout.value();
  }

  public boolean reconnect() {
    return reconnect;
  }
}
