package dev.socketdesk.engine.codec;

import java.util.Locale;

/** How received or sent bytes are shown; see {@link Display#render}. */
public enum DisplayMode {
  TEXT,
  HEX,
  BOTH;

  /**
   * Parses {@code text}, {@code hex} or {@code both}, case-insensitive.
   *
   * @throws IllegalArgumentException with a one-line message naming the value and the choices.
   */
  public static DisplayMode parse(String text) {
    String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (DisplayMode mode : values()) {
      if (mode.name().equals(name)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "unknown display mode '" + text + "'; use text, hex or both");
  }
}
