package dev.socketdesk.engine.internal.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import dev.socketdesk.engine.ControlLine;
import dev.socketdesk.engine.SerialConfig;
import dev.socketdesk.engine.SerialPortInfo;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a serial port with a session's settings, and words each way it can fail in one line with
 * its fix. Blocking: never call it on an event loop.
 */
public final class SerialPortOpener {
  private static final int EPERM = 1;
  private static final int EACCES = 13;
  private static final int EINVAL = 22;
  private static final int ENOTTY = 25;

  private SerialPortOpener() {}

  /** The ports the system lists, by path. */
  public static List<SerialPortInfo> list() {
    List<SerialPortInfo> ports = new ArrayList<>();
    for (SerialPort port : SerialPort.getCommPorts()) {
      ports.add(new SerialPortInfo(port.getSystemPortPath(), description(port)));
    }
    return ports;
  }

  private static String description(SerialPort port) {
    String described = port.getPortDescription();
    String name = port.getDescriptivePortName();
    return described == null || described.isBlank() ? name : described;
  }

  /**
   * Opens {@code config}'s port with its settings and control lines.
   *
   * @throws SessionException NOT_CONNECTED when the port does not exist, PERMISSION_DENIED,
   *     PORT_IN_USE when another program has it, INVALID when the settings are not supported.
   */
  public static SerialPort open(SerialConfig config) {
    String path = config.path();
    if (!exists(path)) {
      throw new SessionException(Kind.NOT_CONNECTED, notFound(path));
    }
    SerialPort port;
    try {
      port = SerialPort.getCommPort(path);
    } catch (SerialPortInvalidPortException e) {
      throw new SessionException(Kind.NOT_CONNECTED, notFound(path));
    }
    port.setComPortParameters(
        config.baud(), config.dataBits(), stopBits(config), parity(config), false);
    port.setFlowControl(flow(config));
    // The settings are applied while opening: a speed or frame the system refuses fails the open.
    if (!port.openPort()) {
      throw openFailed(config, port.getLastErrorCode());
    }
    if (config.flow() != SerialConfig.FlowControl.RTS_CTS) {
      setLine(port, ControlLine.RTS, config.rts());
    }
    setLine(port, ControlLine.DTR, config.dtr());
    return port;
  }

  /** Sets or clears a control line; false when the port refuses (a pseudo-terminal has none). */
  public static boolean setLine(SerialPort port, ControlLine line, boolean on) {
    return switch (line) {
      case DTR -> on ? port.setDTR() : port.clearDTR();
      case RTS -> on ? port.setRTS() : port.clearRTS();
    };
  }

  private static boolean exists(String path) {
    if (path.regionMatches(true, 0, "COM", 0, 3) || path.startsWith("\\\\.\\")) {
      return true;
    }
    try {
      Path p = Paths.get(path);
      return Files.exists(p) || Files.exists(Paths.get("/dev").resolve(path));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static SessionException openFailed(SerialConfig config, int errno) {
    String path = config.path();
    if (errno == EINVAL || errno == ENOTTY) {
      return new SessionException(
          Kind.INVALID,
          "serial port "
              + path
              + " does not support "
              + config.baud()
              + " baud "
              + config.frame()
              + " with "
              + config.flow().label()
              + " flow control; try a standard speed such as 115200, 8N1 and no flow control");
    }
    if (errno == EACCES || errno == EPERM) {
      return new SessionException(
          Kind.PERMISSION_DENIED,
          "no permission to open serial port "
              + path
              + "; add yourself to its group with 'sudo usermod -aG dialout $USER' (uucp on"
              + " Arch), then log in again");
    }
    return new SessionException(
        Kind.PORT_IN_USE,
        "serial port "
            + path
            + " is busy: another program has it open (a serial monitor, ModemManager, another"
            + " socketdesk); close that program and try again");
  }

  /** The port does not exist: names the ones that do. */
  static String notFound(String path) {
    List<String> paths = list().stream().map(SerialPortInfo::path).toList();
    return "serial port "
        + path
        + " does not exist; "
        + (paths.isEmpty()
            ? "the system lists no serial port: plug the board in, or check its driver"
            : "the system has " + String.join(", ", paths));
  }

  private static int stopBits(SerialConfig config) {
    return switch (config.stopBits()) {
      case ONE -> SerialPort.ONE_STOP_BIT;
      case ONE_AND_HALF -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
      case TWO -> SerialPort.TWO_STOP_BITS;
    };
  }

  private static int parity(SerialConfig config) {
    return switch (config.parity()) {
      case NONE -> SerialPort.NO_PARITY;
      case ODD -> SerialPort.ODD_PARITY;
      case EVEN -> SerialPort.EVEN_PARITY;
      case MARK -> SerialPort.MARK_PARITY;
      case SPACE -> SerialPort.SPACE_PARITY;
    };
  }

  private static int flow(SerialConfig config) {
    return switch (config.flow()) {
      case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
      case RTS_CTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
      case XON_XOFF ->
          SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
    };
  }
}
