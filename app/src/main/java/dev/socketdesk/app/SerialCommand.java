package dev.socketdesk.app;

import dev.socketdesk.app.internal.ActionOptions;
import dev.socketdesk.app.internal.CliFailure;
import dev.socketdesk.app.internal.FormatOptions;
import dev.socketdesk.app.internal.GroupingOptions;
import dev.socketdesk.app.internal.RunOptions;
import dev.socketdesk.app.internal.SerialConverters;
import dev.socketdesk.app.internal.SessionRunner;
import dev.socketdesk.app.internal.Stdio;
import dev.socketdesk.core.script.ScriptRecorder;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.Grouping;
import dev.socketdesk.engine.SerialConfig;
import dev.socketdesk.engine.SerialConfig.FlowControl;
import dev.socketdesk.engine.SerialConfig.Parity;
import dev.socketdesk.engine.SerialConfig.StopBits;
import dev.socketdesk.engine.SerialPortInfo;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionType;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code socketdesk serial PORT --baud N}: a serial port (UART), like a serial debug assistant. */
@Command(
    addMethodSubcommands = false,
    name = "serial",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = {
      "Open a serial port, show what the device sends, and send to it.",
      "Received bytes are grouped into one message per pause (see --group-idle). Typed lines go"
          + " to the port; /dtr on|off and /rts on|off set the control lines, /help lists the"
          + " commands."
    })
public final class SerialCommand implements Callable<Integer> {
  private final Stdio io;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PORT",
      description =
          "The port: /dev/ttyUSB0, /dev/ttyACM0, COM3, or any path such as a socat pty link.")
  String port;

  @Option(
      names = "--list",
      description = "List the serial ports with their descriptions, then exit.")
  boolean list;

  @Option(
      names = {"-b", "--baud"},
      paramLabel = "N",
      converter = SerialConverters.Baud.class,
      description = "Line speed in bit/s (default 115200); any number the system accepts.")
  int baud = 115_200;

  @Option(
      names = "--data-bits",
      paramLabel = "5-8",
      converter = SerialConverters.DataBits.class,
      description = "Data bits per character (default 8).")
  int dataBits = 8;

  @Option(
      names = "--parity",
      paramLabel = "P",
      converter = SerialConverters.ParityBit.class,
      description = "none (default), odd, even, mark or space.")
  Parity parity = Parity.NONE;

  @Option(
      names = "--stop-bits",
      paramLabel = "N",
      converter = SerialConverters.Stop.class,
      description = "1 (default), 1.5 or 2.")
  StopBits stopBits = StopBits.ONE;

  @Option(
      names = "--flow",
      paramLabel = "F",
      converter = SerialConverters.Flow.class,
      description = "Flow control: none (default), rts-cts or xon-xoff.")
  FlowControl flow = FlowControl.NONE;

  @Option(
      names = "--dtr",
      paramLabel = "on|off",
      converter = SerialConverters.OnOff.class,
      description = "DTR once open (default on); many boards reset when it changes.")
  boolean dtr = true;

  @Option(
      names = "--rts",
      paramLabel = "on|off",
      converter = SerialConverters.OnOff.class,
      description = "RTS once open (default on), unless --flow rts-cts drives it.")
  boolean rts = true;

  @Option(
      names = "--reconnect",
      description =
          "When the port cannot be opened or disappears (adapter unplugged), open it again until"
              + " Ctrl+C.")
  boolean reconnect;

  @Mixin GroupingOptions grouping;
  @Mixin FormatOptions format;
  @Mixin ActionOptions actions;
  @Mixin RunOptions run;

  public SerialCommand(Stdio io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    if (list) {
      return list(spec.commandLine().getOut());
    }
    if (port == null) {
      throw CliFailure.usage(
          "no serial port given; use serial PORT --baud N, e.g. serial /dev/ttyUSB0 --baud"
              + " 115200 (serial --list shows the ports)");
    }
    AutoActions auto = actions.autoActions(format.sendFormat());
    Grouping groups = grouping.grouping(Grouping.defaultIdle(baud));
    SerialConfig config =
        CliFailure.usageIfInvalid(
            () ->
                SerialConfig.open(port, baud)
                    .withFrame(dataBits, parity, stopBits)
                    .withFlow(flow)
                    .withLines(dtr, rts)
                    .withReconnect(reconnect)
                    .withGrouping(groups)
                    .withActions(auto));
    return new SessionRunner(
            io, spec.commandLine().getOut(), format, run, SessionType.SERIAL, reconnect, true)
        .recordAs(
            s ->
                ScriptRecorder.serial(
                    port,
                    "baud: "
                        + baud
                        + ", data-bits: "
                        + dataBits
                        + ", parity: "
                        + parity.name().toLowerCase(java.util.Locale.ROOT)
                        + ", stop-bits: '"
                        + stopBits.label()
                        + "', flow: "
                        + flow.label()))
        .run(
            engine -> engine.serial(config),
            actions,
            e ->
                e.kind() == SessionException.Kind.SERIAL_NOT_FOUND
                        || e.kind() == SessionException.Kind.SERIAL_NOT_A_PORT
                    ? e.getMessage() + " (serial --list describes them)"
                    : e.getMessage(),
            Duration.ofSeconds(10));
  }

  private static int list(PrintWriter out) {
    List<SerialPortInfo> ports = Engine.serialPorts();
    if (ports.isEmpty()) {
      out.println(
          "no serial port found; plug the board in or check its driver (pseudo-terminals such as"
              + " socat's are not listed, but open by path)");
    }
    int width = ports.stream().mapToInt(p -> p.path().length()).max().orElse(0);
    for (SerialPortInfo p : ports) {
      out.println(String.format("%-" + width + "s  %s", p.path(), p.description()));
    }
    out.flush();
    return 0;
  }
}
