package dev.socketdesk.app;

import dev.socketdesk.app.internal.ActionOptions;
import dev.socketdesk.app.internal.CliFailure;
import dev.socketdesk.app.internal.ClientConnectOptions;
import dev.socketdesk.app.internal.FormatOptions;
import dev.socketdesk.app.internal.RunOptions;
import dev.socketdesk.app.internal.SessionRunner;
import dev.socketdesk.app.internal.SpecOptions;
import dev.socketdesk.app.internal.Stdio;
import dev.socketdesk.app.internal.TlsClientOptions;
import dev.socketdesk.app.internal.WebSocketOptions;
import dev.socketdesk.core.script.ScriptRecorder;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.WebSocketClientConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code socketdesk ws-client ws://HOST:PORT/PATH}: connect to a WebSocket server. */
@Command(
    addMethodSubcommands = false,
    name = "ws-client",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
      "Connect to a WebSocket server (wss:// for TLS), show each message, and send to it.",
      "Each typed line is one message; /ping and /close CODE [REASON] too. From a pipe, the"
          + " input is sent, then the connection closes with 1000 once the server answers."
    })
public final class WsClientCommand implements Callable<Integer> {
  private final Stdio io;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "URL",
      description = "ws://HOST[:PORT]/PATH or wss://HOST[:PORT]/PATH.")
  String url;

  @Option(
      names = {"-H", "--header"},
      paramLabel = "'NAME: VALUE'",
      description = "An extra request header (repeat for more), e.g. -H 'Authorization: Bearer x'.")
  List<String> headers = new ArrayList<>();

  @Mixin ClientConnectOptions connect;

  @Mixin WebSocketOptions ws;
  @Mixin TlsClientOptions tls;
  @Mixin FormatOptions format;
  @Mixin ActionOptions actions;
  @Mixin RunOptions run;

  public WsClientCommand(Stdio io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    AutoActions auto = actions.autoActions(format.sendFormat());
    WebSocketClientConfig config =
        CliFailure.usageIfInvalid(
            () -> {
              WebSocketClientConfig base = WebSocketClientConfig.connect(url);
              return base.withHeaders(
                      headers.stream().map(WebSocketClientConfig.Header::parse).toList())
                  .withSubprotocols(ws.subprotocols())
                  .withMaxMessageBytes(ws.maxMessageBytes())
                  .withPingInterval(ws.pingEvery())
                  .withSendBinary(ws.binary())
                  .withConnectTimeout(connect.connectTimeout())
                  .withReconnect(connect.reconnect())
                  .withActions(auto)
                  .withTls(tls.config(base.secure()));
            });
    return new SessionRunner(
            io,
            spec.commandLine().getOut(),
            format,
            run,
            SessionType.WS_CLIENT,
            connect.reconnect(),
            true)
        .recordAs(s -> tls.recorded(ScriptRecorder.webSocket(url), config.secure()))
        .run(
            engine -> engine.webSocketClient(config),
            actions,
            SpecOptions::failure,
            connect.connectTimeout().plusSeconds(15));
  }
}
