package dev.socketdesk.app;

import dev.socketdesk.app.internal.ActionOptions;
import dev.socketdesk.app.internal.CliFailure;
import dev.socketdesk.app.internal.ClientConnectOptions;
import dev.socketdesk.app.internal.Converters;
import dev.socketdesk.app.internal.FormatOptions;
import dev.socketdesk.app.internal.GroupingOptions;
import dev.socketdesk.app.internal.RunOptions;
import dev.socketdesk.app.internal.SessionRunner;
import dev.socketdesk.app.internal.SpecOptions;
import dev.socketdesk.app.internal.Stdio;
import dev.socketdesk.app.internal.TlsClientOptions;
import dev.socketdesk.core.script.ScriptRecorder;
import dev.socketdesk.core.spec.TcpClientSpec;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.Grouping;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.TcpClientConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code socketdesk tcp-client HOST:PORT}: connect to a board's TCP server. */
@Command(
    addMethodSubcommands = false,
    name = "tcp-client",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
      "Connect to a TCP server, show what it sends, and send to it.",
      "From a pipe, like netcat: sends the input, half-closes, prints the answer until the"
          + " server closes (or --wait), then exits 0."
    })
public final class TcpClientCommand implements Callable<Integer> {
  private final Stdio io;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "HOST:PORT",
      converter = Converters.Remote.class,
      description = "The server: a host name, an IPv4 address, or [IPv6]; e.g. 192.168.4.1:5000.")
  HostPort remote;

  @Mixin ClientConnectOptions connect;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "Local address to connect from (default: the system's choice).")
  String bind;

  @Mixin GroupingOptions grouping;
  @Mixin TlsClientOptions tls;
  @Mixin FormatOptions format;
  @Mixin ActionOptions actions;
  @Mixin RunOptions run;

  public TcpClientCommand(Stdio io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    AutoActions auto = actions.autoActions(format.sendFormat());
    Grouping groups = grouping.grouping(Duration.ZERO);
    TcpClientSpec client =
        SpecOptions.build(
            () -> new TcpClientSpec(remote, bind, connect.connectTimeout(), connect.reconnect()),
            "HOST:PORT");
    TcpClientConfig config =
        CliFailure.usageIfInvalid(() -> client.config(auto).withTls(tls.config(false)));
    return new SessionRunner(
            io,
            spec.commandLine().getOut(),
            format,
            run,
            SessionType.TCP_CLIENT,
            connect.reconnect(),
            true)
        .recordAs(s -> tls.recorded(ScriptRecorder.client(remote), false))
        .run(
            engine -> {
              Session session = engine.tcpClient(config);
              session.setGrouping(groups);
              return session;
            },
            actions,
            SpecOptions::failure,
            connect.connectTimeout().plusSeconds(10));
  }
}
