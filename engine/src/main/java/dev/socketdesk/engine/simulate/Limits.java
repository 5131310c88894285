package dev.socketdesk.engine.simulate;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.socketdesk.engine.Plural;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The system limits that cap how many devices one process can simulate: the open-file limit ({@code
 * ulimit -n}; every device holds one socket) and the local port range (every TCP client connection
 * to one target needs its own local port).
 *
 * @param maxOpenFiles the soft open-file limit of this process; -1 when unknown.
 * @param openFiles files this process has open now; -1 when unknown.
 * @param portLow first local (ephemeral) port; -1 when unknown.
 * @param portHigh last local port; -1 when unknown.
 */
public record Limits(long maxOpenFiles, long openFiles, int portLow, int portHigh) {

  /** Room kept for the JVM's own files, the server side in the same process and such. */
  public static final int RESERVED_FILES = 64;

  /**
   * Reads the current limits from {@code /proc/self/limits}, {@code
   * /proc/sys/net/ipv4/ip_local_port_range} and, where {@code /proc} is missing, the JVM's
   * operating system bean.
   */
  public static Limits current() {
    long max = readMaxOpenFiles(Path.of("/proc/self/limits"));
    long open = -1;
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof UnixOperatingSystemMXBean unix) {
      if (max < 0) {
        max = unix.getMaxFileDescriptorCount();
      }
      open = unix.getOpenFileDescriptorCount();
    }
    int[] range = readPortRange(Path.of("/proc/sys/net/ipv4/ip_local_port_range"));
    return new Limits(max, open, range[0], range[1]);
  }

  /** How many local ports the range holds; -1 when unknown. */
  public int localPorts() {
    return portLow < 0 ? -1 : portHigh - portLow + 1;
  }

  /**
   * Warnings for a run of {@code config} under these limits: one line each, naming the figures and
   * the fix. Empty when the run fits.
   */
  public List<String> warnings(SimulationConfig config) {
    List<String> warnings = new ArrayList<>();
    long sockets = config.profile().isServer() ? 1 : config.count();
    if (maxOpenFiles > 0) {
      long inUse = Math.max(openFiles, 0) + RESERVED_FILES;
      if (sockets + inUse > maxOpenFiles) {
        warnings.add(
            Plural.of(config.count(), "device")
                + " need "
                + Plural.of(sockets, "socket")
                + " but the open-file limit (ulimit -n) is "
                + maxOpenFiles
                + " with "
                + Math.max(openFiles, 0)
                + " already open; devices beyond about "
                + Math.max(0, maxOpenFiles - inUse)
                + " will fail with 'too many open files'. Raise it with 'ulimit -n "
                + (sockets + inUse)
                + "' or run fewer devices");
      }
    }
    int sources = Math.max(1, config.sourceAddresses().size());
    long ports = (long) localPorts() * sources;
    if (config.profile().role() == Profile.Role.TCP_CLIENT && ports > 0 && sockets > ports) {
      warnings.add(
          Plural.of(config.count(), "device")
              + " exceed the "
              + Plural.of(ports, "local port")
              + " of ip_local_port_range ("
              + portLow
              + "-"
              + portHigh
              + (sources > 1 ? ", times " + sources + " source addresses" : "")
              + ") for one target; the rest will fail with 'cannot assign requested address'."
              + " Run fewer devices, widen net.ipv4.ip_local_port_range or add source"
              + " addresses");
    }
    return warnings;
  }

  static long readMaxOpenFiles(Path limits) {
    try {
      for (String line : Files.readAllLines(limits)) {
        if (line.startsWith("Max open files")) {
          String[] f = line.substring("Max open files".length()).trim().split("\\s+");
          return f[0].equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(f[0]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  static int[] readPortRange(Path range) {
    try {
      String[] f = Files.readAllLines(range).get(0).trim().split("\\s+");
      return new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1])};
    } catch (IOException | RuntimeException e) {
      return new int[] {-1, -1};
    }
  }
}
