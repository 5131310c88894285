package dev.socketdesk.core.script.internal;

import dev.socketdesk.engine.codec.Hex;
import dev.socketdesk.engine.codec.Visible;
import java.nio.charset.Charset;

/** Received or sent bytes as one line for reports: quoted text, or hex. */
final class Shown {
  private Shown() {}

  static String bytes(byte[] data, boolean hex, Charset charset) {
    if (hex) {
      return Hex.format(data);
    }
    return "\"" + Visible.of(new String(data, charset)) + "\"";
  }

  /** The first {@code max} bytes of {@code data}, with the total when it is longer. */
  static String start(byte[] data, int max, Charset charset) {
    boolean printable = true;
    int n = Math.min(max, data.length);
    for (int i = 0; i < n && printable; i++) {
      int b = data[i] & 0xFF;
      printable = b >= 0x20 && b != 0x7F || b == '\r' || b == '\n' || b == '\t';
    }
    byte[] head = n == data.length ? data : java.util.Arrays.copyOf(data, n);
    String shown = printable ? bytes(head, false, charset) : "hex " + Hex.format(head);
    return n == data.length ? shown : shown + " ...";
  }
}
