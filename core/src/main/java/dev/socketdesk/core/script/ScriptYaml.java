package dev.socketdesk.core.script;

import dev.socketdesk.core.script.internal.Placeholders;
import dev.socketdesk.engine.codec.Hex;
import java.nio.charset.StandardCharsets;

/**
 * How {@link ScriptRecorder} writes bytes and names into a script's YAML, so that reading the
 * script back gives exactly the bytes recorded: printable UTF-8 as a single-quoted scalar with
 * SocketDesk's escapes, anything else as hex.
 */
final class ScriptYaml {
  private ScriptYaml() {}

  /**
   * A {@code send} or {@code expect} step of {@code data}: as text when it is printable, else hex.
   */
  static String payloadStep(String kind, byte[] data) {
    String text = quotedText(data, false);
    return text == null ? "- " + kind + "-hex: " + Hex.format(data) : "- " + kind + ": " + text;
  }

  /**
   * The data as a single-quoted YAML scalar whose SocketDesk escapes give back exactly its bytes.
   * Without {@code anyBytes}, null when the data is not printable UTF-8 (text with {@code \r \n
   * \t}); with it, any other byte is written as {@code \xHH}. A {@code $} before {@code {} and a
   * {@code {} starting a placeholder are escaped too, so no variable or placeholder is filled in.
   */
  static String quotedText(byte[] data, boolean anyBytes) {
    StringBuilder out = new StringBuilder("'");
    int i = 0;
    while (i < data.length) {
      int length = utf8Length(data, i);
      int c = length == 0 ? -1 : new String(data, i, length, StandardCharsets.UTF_8).codePointAt(0);
      switch (c) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("''");
        case '$', '{' -> {
          String rest = new String(data, i, Math.min(6, data.length - i), StandardCharsets.UTF_8);
          boolean special = c == '$' ? rest.startsWith("${") : Placeholders.has(rest);
          out.append(special ? (c == '$' ? "\\x24" : "\\x7B") : (char) c);
        }
        default -> {
          if (c >= 0 && !unwritable(c)) {
            out.appendCodePoint(c);
          } else if (!anyBytes) {
            return null;
          } else {
            for (int b = i; b < i + Math.max(1, length); b++) {
              out.append(String.format("\\x%02X", data[b] & 0xFF));
            }
          }
        }
      }
      i += Math.max(1, length);
    }
    return out.append('\'').toString();
  }

  /** Controls and the characters YAML does not keep as written in a quoted scalar. */
  private static boolean unwritable(int c) {
    return Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0xFEFF;
  }

  /** The length of the valid UTF-8 sequence at {@code i}, or 0 when the byte there starts none. */
  private static int utf8Length(byte[] data, int i) {
    int lead = data[i] & 0xFF;
    int length =
        lead < 0x80 ? 1 : lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0;
    if (length == 0 || i + length > data.length) {
      return 0;
    }
    byte[] sequence = java.util.Arrays.copyOfRange(data, i, i + length);
    // Overlong forms and surrogates decode to U+FFFD, which encodes to other bytes.
    boolean valid =
        java.util.Arrays.equals(
            new String(sequence, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8),
            sequence);
    return valid ? length : 0;
  }

  /** {@code text} as a single-quoted YAML scalar. */
  static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
