package dev.socketdesk.engine.codec;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as users type them: {@code 1048576}, {@code 512k}, {@code 100MB}, {@code 1.5GiB}. The units
 * are binary, whatever the spelling: k, KB and KiB are 1024 bytes; M, MB and MiB 1024 KiB; G, GB
 * and GiB 1024 MiB.
 */
public final class ByteSizes {
  private static final Pattern SIZE =
      Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

  private ByteSizes() {}

  /**
   * The number of bytes {@code text} names.
   *
   * @throws IllegalArgumentException naming the value and the accepted form.
   */
  public static long parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    Matcher m = SIZE.matcher(trimmed.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "size '"
              + printable(trimmed)
              + "' is not valid; use a number with k, MB or GB, e.g. 100MB");
    }
    String unit = m.group(2) == null ? "b" : m.group(2);
    int shift =
        switch (unit.charAt(0)) {
          case 'k' -> 10;
          case 'm' -> 20;
          case 'g' -> 30;
          default -> 0;
        };
    double bytes = Double.parseDouble(m.group(1)) * (1L << shift);
    if (bytes >= Long.MAX_VALUE) {
      throw new IllegalArgumentException("size '" + trimmed + "' is too large");
    }
    return (long) bytes;
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.chars()
        .forEach(
            c -> out.append(Character.isISOControl(c) ? String.format("\\u%04X", c) : (char) c));
    return out.toString();
  }
}
