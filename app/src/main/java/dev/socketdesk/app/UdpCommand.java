package dev.socketdesk.app;

import dev.socketdesk.app.internal.ActionOptions;
import dev.socketdesk.app.internal.CliFailure;
import dev.socketdesk.app.internal.Converters;
import dev.socketdesk.app.internal.FormatOptions;
import dev.socketdesk.app.internal.RunOptions;
import dev.socketdesk.app.internal.SessionRunner;
import dev.socketdesk.app.internal.SpecOptions;
import dev.socketdesk.app.internal.Stdio;
import dev.socketdesk.core.script.ScriptRecorder;
import dev.socketdesk.core.spec.UdpSpec;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.UdpConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code socketdesk udp --port N [--to HOST:PORT]}: exchange datagrams with a board. */
@Command(
    addMethodSubcommands = false,
    name = "udp",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
      "Bind a UDP port, show each datagram with its source, and send datagrams.",
      "Sends go to --to, or else to the last sender; /to ID or /to HOST:PORT picks another."
    })
public final class UdpCommand implements Callable<Integer> {
  private final Stdio io;

  @Spec CommandSpec spec;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "Local address to bind (default: all addresses).")
  String bind;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "N",
      converter = Converters.LocalPort.class,
      description = "Local port (default 0: the system chooses; see the listening line).")
  int port;

  @Option(
      names = "--to",
      paramLabel = "HOST:PORT",
      converter = Converters.Remote.class,
      description = "Where datagrams go (default: the last sender).")
  HostPort to;

  @Option(names = "--broadcast", description = "Allow sending to broadcast addresses.")
  boolean broadcast;

  @Option(
      names = "--join",
      paramLabel = "GROUP",
      description = "Join this multicast group after binding. Repeatable.")
  List<String> groups = new ArrayList<>();

  @Option(
      names = "--interface",
      paramLabel = "NAME",
      description = "Network interface for --join, e.g. eth0 (default: the system's choice).")
  String networkInterface;

  @Mixin FormatOptions format;
  @Mixin ActionOptions actions;
  @Mixin RunOptions run;

  public UdpCommand(Stdio io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    AutoActions auto = actions.autoActions(format.sendFormat());
    UdpSpec udp =
        SpecOptions.build(
            () -> new UdpSpec(bind, port, to, broadcast, groups, networkInterface), "--to");
    UdpConfig config = CliFailure.usageIfInvalid(() -> udp.config(auto));
    return new SessionRunner(
            io, spec.commandLine().getOut(), format, run, SessionType.UDP, false, to != null)
        .recordAs(s -> ScriptRecorder.udp(udp.localPort(), to))
        .run(engine -> engine.udp(config), actions, SpecOptions::failure, Duration.ofSeconds(10));
  }
}
