package dev.socketdesk.app.internal;

import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.PeriodicSend;
import dev.socketdesk.engine.ReplyRule;
import dev.socketdesk.engine.codec.Escapes;
import dev.socketdesk.engine.codec.SendFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Automatic actions: echo, reply rules, and timed sends. A picocli mixin. */
@Command(addMethodSubcommands = false)
public final class ActionOptions {
  /** Spacing of the sends when {@code --every} is not given. */
  static final Duration ONE_SHOT_SPACING = Duration.ofMillis(100);

  @Option(names = "--echo", description = "Send every received chunk back to its sender.")
  boolean echo;

  @Option(
      names = "--echo-prefix",
      paramLabel = "TEXT",
      description =
          "Put TEXT (escapes allowed) before each echoed chunk, e.g. 'I got:'. Implies --echo.")
  String echoPrefix;

  @Option(
      names = "--send",
      paramLabel = "PAYLOAD",
      description =
          "Send PAYLOAD (text with escapes \\r \\n \\t \\\\ \\0 \\xHH, or hex with --hex-send)."
              + " Repeat to cycle through several payloads.")
  List<String> sends = new ArrayList<>();

  @Option(
      names = "--every",
      paramLabel = "DURATION",
      converter = Converters.Interval.class,
      description = "Send the --send payloads periodically, e.g. 1s or 500ms (at most 24h).")
  Duration every;

  @Option(
      names = "--count",
      paramLabel = "N",
      converter = Converters.NonNegative.class,
      description =
          "Stop after N sends in all (0: no limit). Default: once per payload without --every,"
              + " no limit with --every.")
  Long count;

  @Option(
      names = "--reply",
      paramLabel = "PATTERN=>RESPONSE",
      description =
          "When received data matches PATTERN, send RESPONSE. PATTERN is a regex over the"
              + " received text, or bytes with a hex: prefix; see docs/cli.md. Repeatable.")
  List<String> replies = new ArrayList<>();

  /** The automatic actions for the session. Throws {@link CliFailure} (usage) on bad input. */
  public AutoActions autoActions(SendFormat format) {
    boolean echoing = echo || echoPrefix != null;
    byte[] prefix = new byte[0];
    if (echoPrefix != null) {
      prefix = CliFailure.usageIfInvalid(() -> Escapes.encode(echoPrefix, format.charset()));
    }
    List<ReplyRule> rules = new ArrayList<>();
    for (String spec : replies) {
      rules.add(ReplySpecs.parse(spec, format));
    }
    return new AutoActions(echoing, prefix, rules);
  }

  /** The timed send, if --send was given. Throws {@link CliFailure} (usage) on bad input. */
  public Optional<PeriodicSend> periodic(SendFormat format) {
    if (sends.isEmpty()) {
      if (every != null || count != null) {
        throw CliFailure.usage(
            (every != null ? "--every" : "--count")
                + " needs something to send; add --send PAYLOAD, e.g. --send 'Hello' --every 1s");
      }
      return Optional.empty();
    }
    List<byte[]> payloads = new ArrayList<>();
    for (String send : sends) {
      byte[] payload = CliFailure.usageIfInvalid(() -> format.encode(send));
      if (payload.length == 0) {
        throw CliFailure.usage(
            "--send '"
                + send
                + "' gives no bytes to send; give text or hex, e.g. --send 'Hello\\r\\n'"
                + " (with --line-ending or --checksum an empty payload sends just those)");
      }
      payloads.add(payload);
    }
    long total = count != null ? count : (every == null ? payloads.size() : 0);
    Duration interval = every != null ? every : ONE_SHOT_SPACING;
    if (interval.toMillis() < 1) {
      throw CliFailure.usage(
          "--every " + interval.toMillis() + "ms is too short; use at least 1ms, e.g. 100ms or 1s");
    }
    return Optional.of(new PeriodicSend(payloads, interval, total));
  }
}
