package dev.socketdesk.engine.codec;

import java.util.Locale;

/** How a typed payload is read: as text in a charset, or as hex digits. */
public enum PayloadMode {
  TEXT,
  HEX;

  /**
   * Parses {@code text} or {@code hex}, case-insensitive.
   *
   * @throws IllegalArgumentException with a one-line message naming the value and the choices.
   */
  public static PayloadMode parse(String text) {
    String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (PayloadMode mode : values()) {
      if (mode.name().equals(name)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("unknown payload mode '" + text + "'; use text or hex");
  }
}
