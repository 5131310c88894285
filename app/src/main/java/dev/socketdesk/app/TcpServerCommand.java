package dev.socketdesk.app;

import dev.socketdesk.app.internal.ActionOptions;
import dev.socketdesk.app.internal.CliFailure;
import dev.socketdesk.app.internal.Converters;
import dev.socketdesk.app.internal.FormatOptions;
import dev.socketdesk.app.internal.GroupingOptions;
import dev.socketdesk.app.internal.ListenOptions;
import dev.socketdesk.app.internal.RunOptions;
import dev.socketdesk.app.internal.SessionRunner;
import dev.socketdesk.app.internal.SpecOptions;
import dev.socketdesk.app.internal.Stdio;
import dev.socketdesk.app.internal.TlsServerOptions;
import dev.socketdesk.core.script.ScriptRecorder;
import dev.socketdesk.core.spec.TcpServerSpec;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.Grouping;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.TcpServerConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code socketdesk tcp-server --port N}: a TCP server for boards that connect as clients. */
@Command(
    addMethodSubcommands = false,
    name = "tcp-server",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
      "Listen for TCP clients, show what they send, and answer them.",
      "Typed lines go to all clients, or to one after /to ID; /help lists the commands."
    })
public final class TcpServerCommand implements Callable<Integer> {
  private final Stdio io;

  @Spec CommandSpec spec;

  @Mixin ListenOptions listen;

  @Option(
      names = "--max-clients",
      paramLabel = "N",
      converter = Converters.Limit.class,
      description = "Refuse clients beyond N at once (default 0: no limit).")
  int maxClients;

  @Option(
      names = "--backlog",
      paramLabel = "N",
      converter = Converters.Positive.class,
      description =
          "Listen backlog: connections the system queues before they are accepted (default"
              + " 4096; the system may cap it, see net.core.somaxconn).")
  int backlog = TcpServerConfig.DEFAULT_BACKLOG;

  @Mixin GroupingOptions grouping;
  @Mixin TlsServerOptions tls;
  @Mixin FormatOptions format;
  @Mixin ActionOptions actions;
  @Mixin RunOptions run;

  public TcpServerCommand(Stdio io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    AutoActions auto = actions.autoActions(format.sendFormat());
    Grouping groups = grouping.grouping(Duration.ZERO);
    TcpServerSpec server =
        SpecOptions.build(
            () -> new TcpServerSpec(listen.bind(), listen.port(), maxClients, backlog), null);
    TcpServerConfig config =
        CliFailure.usageIfInvalid(() -> server.config(auto).withTls(tls.config()));
    if (run.record() != null && config.tls() != null) {
      throw CliFailure.usage("--record: " + ScriptRecorder.cannotRecord("tcp-server", true));
    }
    return new SessionRunner(
            io, spec.commandLine().getOut(), format, run, SessionType.TCP_SERVER, false, false)
        .recordAs(s -> ScriptRecorder.server(listen.port()))
        .run(
            engine -> {
              Session session = engine.tcpServer(config);
              session.setGrouping(groups);
              return session;
            },
            actions,
            SpecOptions::failure,
            Duration.ofSeconds(10));
  }
}
