package dev.socketdesk.app.internal;

import dev.socketdesk.engine.Grouping;
import dev.socketdesk.engine.codec.Escapes;
import dev.socketdesk.engine.codec.Hex;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** How received bytes are grouped into messages (分包), for byte streams. A picocli mixin. */
@Command(addMethodSubcommands = false)
public final class GroupingOptions {
  @Option(
      names = "--group-idle",
      paramLabel = "DURATION",
      converter = Converters.Interval.class,
      description =
          "Show bytes that arrive without a pause of DURATION as one message (e.g. 20ms; 0 for"
              + " off). Default: off for TCP; for serial 20ms at 115200 baud, scaled with the"
              + " speed.")
  Duration idle;

  @Option(
      names = "--group-delimiter",
      paramLabel = "BYTES",
      description =
          "End a message right after these bytes: text with escapes (\\r\\n) or hex:0D 0A. With"
              + " --group-idle, whichever comes first.")
  String delimiter;

  /** The grouping asked for; {@code defaultIdle} when no idle time is given. */
  public Grouping grouping(Duration defaultIdle) {
    Duration idleTime = idle != null ? idle : defaultIdle;
    byte[] bytes = delimiter == null ? new byte[0] : delimiterBytes(delimiter);
    return CliFailure.usageIfInvalid(
        () -> new Grouping(idleTime, bytes, Grouping.DEFAULT_MAX_BYTES));
  }

  private static byte[] delimiterBytes(String spec) {
    byte[] bytes =
        CliFailure.usageIfInvalid(
            () ->
                spec.startsWith("hex:")
                    ? Hex.parse(spec.substring(4))
                    : Escapes.encode(spec, StandardCharsets.UTF_8));
    if (bytes.length == 0) {
      throw CliFailure.usage(
          "--group-delimiter is empty; give at least one byte, e.g. '\\n' or hex:0D 0A");
    }
    return bytes;
  }
}
