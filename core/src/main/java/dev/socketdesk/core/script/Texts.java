package dev.socketdesk.core.script;

import dev.socketdesk.engine.codec.Visible;
import java.time.Duration;

/** How scripts' values are shown in reports. */
final class Texts {
  private static final int MAX = 60;

  private Texts() {}

  static String quote(String text) {
    String visible = Visible.of(text);
    if (visible.length() > MAX) {
      visible = visible.substring(0, MAX - 3) + "...";
    }
    return "\"" + visible + "\"";
  }

  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0 && ms > 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
