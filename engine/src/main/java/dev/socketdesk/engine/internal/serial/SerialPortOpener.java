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
import java.util.Map;

/**
 * Opens a serial port with a session's settings, and words each way it can fail in one line with
 * its fix. Blocking: never call it on an event loop.
 */
public final class SerialPortOpener {
  private static final int EPERM = 1;
  private static final int EACCES = 13;
  private static final int EINVAL = 22;
  private static final int ENOTTY = 25;
  private static final String STANDARD_FRAME = "8N1";

  /** The speeds tried when a port refuses a session's settings, most common first. */
  private static final int[] STANDARD_SPEEDS = {115_200, 9_600};

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
   * @throws SessionException SERIAL_NOT_FOUND, SERIAL_NOT_A_PORT (a regular file or a folder),
   *     SERIAL_PERMISSION, SERIAL_BUSY when another program has it, SERIAL_UNSUPPORTED when the
   *     settings are not supported.
   */
  public static SerialPort open(SerialConfig config) {
    String path = config.path();
    if (!exists(path)) {
      throw notFound(path);
    }
    if (isFileOrFolder(path)) {
      throw notAPort(path);
    }
    SerialPort port;
    try {
      port = SerialPort.getCommPort(path);
    } catch (SerialPortInvalidPortException e) {
      throw notFound(path);
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

  /** A regular file or a folder: something that exists but can never be a serial port. */
  private static boolean isFileOrFolder(String path) {
    try {
      Path p = Paths.get(path);
      return Files.isRegularFile(p) || Files.isDirectory(p);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static SessionException openFailed(SerialConfig config, int errno) {
    String path = config.path();
    // A pseudo-terminal answers ENOTTY to a speed it refuses, like a real port's EINVAL; so does a
    // device that is no terminal at all (/dev/null) to every speed.
    if (errno == EINVAL || errno == ENOTTY) {
      return refusedSettings(config);
    }
    if (errno == EACCES || errno == EPERM) {
      return new SessionException(
          Kind.SERIAL_PERMISSION,
          "no permission to open serial port "
              + path
              + "; add yourself to its group with 'sudo usermod -aG dialout $USER' (uucp on"
              + " Arch), then log in again",
          Map.of("path", path));
    }
    return new SessionException(
        Kind.SERIAL_BUSY,
        "serial port "
            + path
            + " is busy: another program has it open (a serial monitor, ModemManager, another"
            + " socketdesk); close that program and try again",
        Map.of("path", path));
  }

  /**
   * The port refused {@code config}'s settings. A device that opens with a standard setting refuses
   * these, and that setting is the advice; one that opens with none (/dev/null, a disk) is no
   * serial port. The probe opens the device briefly, as the session's own open would have.
   */
  private static SessionException refusedSettings(SerialConfig config) {
    boolean standardFrame =
        config.frame().equals(STANDARD_FRAME) && config.flow() == SerialConfig.FlowControl.NONE;
    for (int speed : STANDARD_SPEEDS) {
      // The very settings that were refused need no second try.
      if (!(standardFrame && speed == config.baud()) && opensWith(config.path(), speed)) {
        return unsupported(config, speed);
      }
    }
    return notAPort(config.path());
  }

  private static boolean opensWith(String path, int speed) {
    SerialPort probe = SerialPort.getCommPort(path);
    probe.setComPortParameters(speed, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY, false);
    probe.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
    if (!probe.openPort()) {
      return false;
    }
    probe.closePort();
    return true;
  }

  /** The port opens at {@code speed} with 8N1 and no flow control, but not with these settings. */
  private static SessionException unsupported(SerialConfig config, int speed) {
    String path = config.path();
    return new SessionException(
        Kind.SERIAL_UNSUPPORTED,
        "serial port "
            + path
            + " does not support "
            + config.baud()
            + " baud "
            + config.frame()
            + " with "
            + config.flow().label()
            + " flow control; try a standard setting such as "
            + speed
            + " baud, 8N1 and no flow control",
        Map.of(
            "path",
            path,
            "baud",
            Integer.toString(config.baud()),
            "frame",
            config.frame(),
            "flow",
            config.flow().label(),
            "suggested",
            Integer.toString(speed)));
  }

  /** The path is a file or a device that is no terminal. */
  private static SessionException notAPort(String path) {
    return new SessionException(
        Kind.SERIAL_NOT_A_PORT,
        path
            + " is not a serial port; give the port's device, such as /dev/ttyUSB0 or"
            + " /dev/ttyACM0, or a pseudo-terminal's path",
        Map.of("path", path));
  }

  /** The port does not exist: names the ones that do. */
  static SessionException notFound(String path) {
    List<String> paths = list().stream().map(SerialPortInfo::path).toList();
    String ports = String.join(", ", paths);
    return new SessionException(
        Kind.SERIAL_NOT_FOUND,
        "serial port "
            + path
            + " does not exist; "
            + (paths.isEmpty()
                ? "the system lists no serial port: plug the board in, or check its driver"
                : "the system has " + ports),
        // No ports, no "ports" param: a translation that lists them falls back to this line.
        paths.isEmpty() ? Map.of("path", path) : Map.of("path", path, "ports", ports));
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
