package dev.socketdesk.web;

import java.nio.file.Path;

/** Where SocketDesk keeps its settings. */
public final class ConfigDirs {
  private ConfigDirs() {}

  /**
   * {@code %APPDATA%\socketdesk} on Windows, else {@code $XDG_CONFIG_HOME/socketdesk}, else {@code
   * ~/.config/socketdesk}.
   */
  public static Path defaultDir() {
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
