package dev.socketdesk.engine.internal.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Locale;

/**
 * Keeps a copy of Netty's epoll library in the folder named by the {@value #DIR_PROPERTY} system
 * property, for the launchers, which also put that folder on {@code java.library.path}: Netty then
 * loads the library from there. Left alone, Netty copies the library out of the jar into a new
 * temporary file on every start, naming it with {@code SecureRandom} (which initialises the
 * security providers). Loading the copy here with {@code System.load} does not work: the library's
 * {@code JNI_OnLoad} initialises Netty's {@code Native} class, which finds its methods not yet
 * registered and loads a second copy the usual way.
 *
 * <p>The copy is compared byte for byte with the jar's on every start and rewritten when it differs
 * (another Netty version, a cut-short write), through a temporary name and a rename, so that a
 * parallel start never loads a part. Any failure leaves the loading to Netty, as before.
 */
final class EpollLibrary {
  static final String DIR_PROPERTY = "socketdesk.nativeDir";

  private EpollLibrary() {}

  /**
   * Makes sure the folder holds this jar's library, on Linux on x86_64 or aarch64 when the property
   * is set; false when it does not.
   */
  static boolean prepare() {
    String arch = arch();
    String dir = System.getProperty(DIR_PROPERTY);
    if (arch == null || dir == null || dir.isBlank()) {
      return false;
    }
    String name = "libnetty_transport_native_epoll_" + arch + ".so";
    try (InputStream in =
        EpollLibrary.class.getClassLoader().getResourceAsStream("META-INF/native/" + name)) {
      if (in == null) {
        return false;
      }
      keepCopy(Path.of(dir).resolve(name), in.readAllBytes());
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** {@code x86_64} or {@code aarch_64} on Linux (Netty's names); null elsewhere. */
  private static String arch() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (!os.startsWith("linux")) {
      return null;
    }
    return switch (System.getProperty("os.arch", "")) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64" -> "aarch_64";
      default -> null;
    };
  }

  /** Writes {@code library} to {@code copy} unless it already holds exactly those bytes. */
  static void keepCopy(Path copy, byte[] library) throws IOException {
    if (!sameContent(copy, library)) {
      write(copy.toAbsolutePath(), library);
    }
  }

  private static boolean sameContent(Path file, byte[] library) throws IOException {
    return Files.isRegularFile(file)
        && Files.size(file) == library.length
        && Arrays.equals(Files.readAllBytes(file), library);
  }

  /** Writes the library beside its final name, then renames it, so readers never see a part. */
  private static void write(Path copy, byte[] library) throws IOException {
    Files.createDirectories(copy.getParent());
    Path tmp = Files.createTempFile(copy.getParent(), copy.getFileName().toString(), ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException notPosix) {
        // Linux only, so this does not happen; the temporary file's own permissions then stay.
      }
      Files.write(tmp, library);
      Files.move(tmp, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
