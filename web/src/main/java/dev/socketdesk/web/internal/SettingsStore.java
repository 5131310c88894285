package dev.socketdesk.web.internal;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The page's settings and quick-sends, kept in {@code settings.json} in the config directory.
 * Writes go to a temporary file that then replaces the old one, so a crash never leaves half a
 * file. A file that cannot be parsed is moved aside to {@code settings.json.corrupt-<timestamp>}
 * and reported (log and page); it is never overwritten. Thread-safe.
 */
final class SettingsStore {
  static final int MAX_BYTES = 512 * 1024;
  private static final System.Logger LOG = System.getLogger("dev.socketdesk.web");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path dir;
  private final Path file;
  private JsonObject settings = new JsonObject();
  private String problem;

  SettingsStore(Path dir) {
    this.dir = dir;
    this.file = dir.resolve("settings.json");
  }

  /** The folder of the settings file, where the page's captures go too ({@code captures/}). */
  Path dir() {
    return dir;
  }

  Path file() {
    return file;
  }

  synchronized void load() {
    if (!Files.exists(file)) {
      return;
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      problem = "could not read " + file + " (" + e.getMessage() + "); settings start empty";
      LOG.log(Level.WARNING, problem);
      return;
    }
    try {
      settings = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      Path aside = asideName();
      try {
        Files.move(file, aside);
        problem =
            "settings file "
                + file
                + " was not valid JSON; it was moved to "
                + aside
                + " and SocketDesk started with default settings";
      } catch (IOException moveFailure) {
        problem =
            "settings file "
                + file
                + " is not valid JSON and could not be moved aside ("
                + moveFailure.getMessage()
                + "); fix or remove it";
      }
      LOG.log(Level.WARNING, problem);
    }
  }

  private Path asideName() {
    String base = "settings.json.corrupt-" + LocalDateTime.now().format(STAMP);
    Path aside = dir.resolve(base);
    for (int n = 2; Files.exists(aside); n++) {
      aside = dir.resolve(base + "-" + n);
    }
    return aside;
  }

  synchronized JsonObject get() {
    return settings.copy();
  }

  /** Why the settings file was not loaded, or null. */
  synchronized String problem() {
    return problem;
  }

  /** Replaces the settings and writes the file; a problem reported at load is cleared. */
  synchronized void save(JsonObject newSettings) {
    byte[] bytes = newSettings.encodePrettily().getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_BYTES) {
      throw ApiException.badRequest(
          "settings are larger than "
              + (MAX_BYTES / 1024)
              + " KiB; remove some quick-send buttons or history");
    }
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve("settings.json.tmp");
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new ApiException(
          500,
          "could not save settings to "
              + file
              + " ("
              + e.getMessage()
              + "); check that the folder is writable");
    }
    settings = newSettings.copy();
    problem = null;
  }
}
