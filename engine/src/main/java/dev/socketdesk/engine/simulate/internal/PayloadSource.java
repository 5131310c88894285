package dev.socketdesk.engine.simulate.internal;

import dev.socketdesk.engine.simulate.PayloadEncoder;
import java.util.List;

/**
 * The payload templates of a simulation: fills in {@code {id}}, {@code {seq}} and {@code {time}},
 * then encodes. Templates without placeholders are encoded once.
 */
final class PayloadSource {
  private final List<String> templates;
  private final byte[][] constant;
  private final PayloadEncoder encoder;

  PayloadSource(List<String> templates, PayloadEncoder encoder) {
    this.templates = List.copyOf(templates);
    this.encoder = encoder;
    this.constant = new byte[templates.size()][];
    for (int i = 0; i < templates.size(); i++) {
      if (!hasPlaceholder(templates.get(i))) {
        constant[i] = encoder.encode(templates.get(i));
      }
    }
  }

  /** The bytes of message {@code seq} (from 1) of device {@code id}; may be shared, never write. */
  byte[] payload(int id, long seq) {
    int index = (int) ((seq - 1) % templates.size());
    byte[] bytes = constant[index];
    return bytes != null ? bytes : encoder.encode(fill(templates.get(index), id, seq));
  }

  /** Encodes a ready text (no placeholders), e.g. a sensor line. */
  byte[] encode(String text) {
    return encoder.encode(text);
  }

  static boolean hasPlaceholder(String template) {
    return template.contains("{id}") || template.contains("{seq}") || template.contains("{time}");
  }

  static String fill(String template, int id, long seq) {
    StringBuilder b = new StringBuilder(template.length() + 16);
    int i = 0;
    while (i < template.length()) {
      if (template.startsWith("{id}", i)) {
        b.append(id);
        i += 4;
      } else if (template.startsWith("{seq}", i)) {
        b.append(seq);
        i += 5;
      } else if (template.startsWith("{time}", i)) {
        b.append(System.currentTimeMillis());
        i += 6;
      } else {
        b.append(template.charAt(i++));
      }
    }
    return b.toString();
  }
}
