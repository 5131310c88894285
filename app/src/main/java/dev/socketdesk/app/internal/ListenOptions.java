package dev.socketdesk.app.internal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Where a server listens: {@code --bind} and {@code --port}, for every command that accepts
 * connections. A picocli mixin.
 */
@Command(addMethodSubcommands = false)
public final class ListenOptions {
  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "Local address to listen on (default: all addresses).")
  String bind;

  @Option(
      names = {"-p", "--port"},
      required = true,
      paramLabel = "N",
      converter = Converters.LocalPort.class,
      description = "Port to listen on; 0 lets the system choose (see the listening line).")
  int port;

  /** The local address to listen on; null for all addresses. */
  public String bind() {
    return bind;
  }

  public int port() {
    return port;
  }
}
