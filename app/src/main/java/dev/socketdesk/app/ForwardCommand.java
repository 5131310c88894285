package dev.socketdesk.app;

import dev.socketdesk.app.internal.ActionOptions;
import dev.socketdesk.app.internal.CliFailure;
import dev.socketdesk.app.internal.Converters;
import dev.socketdesk.app.internal.EditOptions;
import dev.socketdesk.app.internal.FormatOptions;
import dev.socketdesk.app.internal.GroupingOptions;
import dev.socketdesk.app.internal.ListenOptions;
import dev.socketdesk.app.internal.RunOptions;
import dev.socketdesk.app.internal.SessionRunner;
import dev.socketdesk.app.internal.SpecOptions;
import dev.socketdesk.app.internal.Stdio;
import dev.socketdesk.app.internal.TlsVerifyOptions;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.ForwardConfig;
import dev.socketdesk.engine.ForwardTarget;
import dev.socketdesk.engine.Grouping;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.SessionType;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code socketdesk forward --port N TARGET}: relay each connection to a server or serial port. */
@Command(
    addMethodSubcommands = false,
    name = "forward",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
      "Accept TCP connections and relay each one to TARGET, showing both directions:"
          + " RX is what a client sent (relayed to the target), TX what the target answered.",
      "Half-closes pass through both ways; a target that cannot be reached closes the client's"
          + " connection, and the log says why."
    })
public final class ForwardCommand implements Callable<Integer> {
  private final Stdio io;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "TARGET",
      converter = TargetConverter.class,
      description =
          "HOST:PORT (a TCP server, e.g. the board's cloud), tls://HOST:PORT (a TLS server,"
              + " verified as with --ca/--insecure/--sni), ws://HOST:PORT/PATH or wss://... (a"
              + " WebSocket server: each chunk a client sends is one binary message, each message"
              + " back is relayed as bytes), or serial:PATH?baud=115200 (with optional"
              + " &data-bits=8&parity=none&stop-bits=1&flow=none), the ser2net role.")
  ForwardTarget target;

  @Mixin ListenOptions listen;

  @Option(
      names = "--connect-timeout",
      paramLabel = "DURATION",
      converter = Converters.ConnectTimeout.class,
      description = "Give up connecting to a TCP target after this long (default 5s).")
  Duration connectTimeout = Duration.ofSeconds(5);

  @Mixin TlsVerifyOptions tls;
  @Mixin EditOptions editing;
  @Mixin GroupingOptions grouping;
  @Mixin FormatOptions format;
  @Mixin ActionOptions actions;
  @Mixin RunOptions run;

  public ForwardCommand(Stdio io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    AutoActions auto = actions.autoActions(format.sendFormat());
    Grouping groups = grouping.grouping(Duration.ZERO);
    ForwardTarget to = target;
    if (tls.given() || target.secure()) {
      if (!target.secure()) {
        throw CliFailure.usage(
            "--ca, --insecure, --sni, --client-cert and --client-key apply to a tls:// or wss://"
                + " target, not to "
                + target);
      }
      to = target.withTls(tls.tlsConfig());
    }
    ForwardTarget relayTo = to;
    ForwardConfig config =
        CliFailure.usageIfInvalid(
            () ->
                ForwardConfig.listen(listen.port(), relayTo)
                    .withBindHost(listen.bind())
                    .withConnectTimeout(connectTimeout)
                    .withActions(auto)
                    .withEdits(editing.edits(format.sendFormat())));
    return new SessionRunner(
            io, spec.commandLine().getOut(), format, run, SessionType.FORWARD, false, false)
        .run(
            engine -> {
              Session session = engine.forward(config);
              session.setGrouping(groups);
              return session;
            },
            actions,
            SpecOptions::failure,
            Duration.ofSeconds(10));
  }

  /** TARGET, parsed by the engine. */
  public static final class TargetConverter implements ITypeConverter<ForwardTarget> {
    @Override
    public ForwardTarget convert(String value) {
      try {
        return ForwardTarget.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
