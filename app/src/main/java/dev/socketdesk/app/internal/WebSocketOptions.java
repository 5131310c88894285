package dev.socketdesk.app.internal;

import dev.socketdesk.engine.WebSocketServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Options both WebSocket commands take. A picocli mixin. */
@Command(addMethodSubcommands = false)
public final class WebSocketOptions {
  @Option(
      names = "--subprotocol",
      paramLabel = "NAME",
      description = "A subprotocol to offer or ask for (repeat for more, best first), e.g. mqtt.")
  List<String> subprotocols = new ArrayList<>();

  @Option(
      names = "--max-message",
      paramLabel = "SIZE",
      converter = Converters.Size.class,
      description =
          "Close with 1009 (message too big) on a message over SIZE (default 16MiB, at most 1GiB).")
  long maxMessage = WebSocketServerConfig.DEFAULT_MAX_MESSAGE_BYTES;

  @Option(
      names = "--ping-every",
      paramLabel = "DURATION",
      converter = Converters.Interval.class,
      description = "Send a ping this often (e.g. 30s); pongs are shown with their round trip.")
  Duration pingEvery;

  @Option(
      names = "--binary",
      description = "Send binary messages (default: text when the bytes are UTF-8, else binary).")
  boolean binary;

  public List<String> subprotocols() {
    return subprotocols;
  }

  /** The maximum message size in bytes. */
  public int maxMessageBytes() {
    if (maxMessage > (1 << 30)) {
      throw CliFailure.usage("--max-message " + maxMessage + " is over 1GiB; use a smaller size");
    }
    return (int) maxMessage;
  }

  public Duration pingEvery() {
    return pingEvery;
  }

  public boolean binary() {
    return binary;
  }
}
