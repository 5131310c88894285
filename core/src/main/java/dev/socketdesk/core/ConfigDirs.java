package dev.socketdesk.core;

import java.nio.file.Path;

/** Where SocketDesk keeps its settings. */
public final class ConfigDirs {
  private ConfigDirs() {}

  /** A system property that overrides the directory (tests set it to a folder of their own). */
  public static final String PROPERTY = "socketdesk.configDir";

  /**
   * The {@value #PROPERTY} system property when set, else {@code %APPDATA%\socketdesk} on Windows,
   * else {@code $XDG_CONFIG_HOME/socketdesk}, else {@code ~/.config/socketdesk}.
   */
  public static Path defaultDir() {
    String override = System.getProperty(PROPERTY);
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    String appData = System.getenv("APPDATA");
    if (os.contains("win") && appData != null && !appData.isBlank()) {
      return Path.of(appData, "socketdesk");
    }
    String xdg = System.getenv("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "socketdesk");
    }
    return Path.of(System.getProperty("user.home"), ".config", "socketdesk");
  }
}
