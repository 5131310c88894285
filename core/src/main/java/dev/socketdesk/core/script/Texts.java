package dev.socketdesk.core.script;

import dev.socketdesk.core.spec.Durations;
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
    return Durations.format(d);
  }
}
