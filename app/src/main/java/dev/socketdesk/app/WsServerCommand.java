package dev.socketdesk.app;

import dev.socketdesk.app.internal.ActionOptions;
import dev.socketdesk.app.internal.CliFailure;
import dev.socketdesk.app.internal.Converters;
import dev.socketdesk.app.internal.FormatOptions;
import dev.socketdesk.app.internal.ListenOptions;
import dev.socketdesk.app.internal.RunOptions;
import dev.socketdesk.app.internal.SessionRunner;
import dev.socketdesk.app.internal.SpecOptions;
import dev.socketdesk.app.internal.Stdio;
import dev.socketdesk.app.internal.TlsServerOptions;
import dev.socketdesk.app.internal.WebSocketOptions;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.WebSocketServerConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code socketdesk ws-server --port N}: a WebSocket server for boards and dashboards. */
@Command(
    addMethodSubcommands = false,
    name = "ws-server",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
      "Accept WebSocket clients at a path, show each message (text or binary), and answer them.",
      "Typed lines go to all clients, or to one after /to ID; /ping, /close CODE and /kick ID"
          + " too; /help lists the commands."
    })
public final class WsServerCommand implements Callable<Integer> {
  private final Stdio io;

  @Spec CommandSpec spec;

  @Mixin ListenOptions listen;

  @Option(
      names = "--path",
      paramLabel = "PATH",
      description = "The path clients upgrade at (default /); other paths get 404.")
  String path = "/";

  @Option(
      names = "--max-clients",
      paramLabel = "N",
      converter = Converters.Limit.class,
      description = "Refuse clients beyond N at once (default 0: no limit).")
  int maxClients;

  @Mixin WebSocketOptions ws;
  @Mixin TlsServerOptions tls;
  @Mixin FormatOptions format;
  @Mixin ActionOptions actions;
  @Mixin RunOptions run;

  public WsServerCommand(Stdio io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    AutoActions auto = actions.autoActions(format.sendFormat());
    WebSocketServerConfig config =
        CliFailure.usageIfInvalid(
            () ->
                WebSocketServerConfig.listen(listen.bind(), listen.port(), path)
                    .withSubprotocols(ws.subprotocols())
                    .withMaxMessageBytes(ws.maxMessageBytes())
                    .withPingInterval(ws.pingEvery())
                    .withSendBinary(ws.binary())
                    .withMaxClients(maxClients)
                    .withActions(auto)
                    .withTls(tls.config()));
    return new SessionRunner(
            io, spec.commandLine().getOut(), format, run, SessionType.WS_SERVER, false, false)
        .run(
            engine -> engine.webSocketServer(config),
            actions,
            SpecOptions::failure,
            Duration.ofSeconds(10));
  }
}
