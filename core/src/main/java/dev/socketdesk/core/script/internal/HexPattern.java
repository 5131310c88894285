package dev.socketdesk.core.script.internal;

import dev.socketdesk.engine.codec.Checksum;
import dev.socketdesk.engine.codec.Hex;
import dev.socketdesk.engine.codec.PayloadFormatException;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code expect-hex}: bytes where {@code ??} matches any byte, optionally followed by a checksum
 * that must be right for the bytes it matched. Separators as in hex input: spaces, commas, colons,
 * dashes, semicolons.
 */
final class HexPattern implements ByteMatcher {
  private static final int ANY = -1;

  private final int[] pattern;
  private final Checksum checksum;
  private final String text;

  private HexPattern(int[] pattern, Checksum checksum, String text) {
    this.pattern = pattern;
    this.checksum = checksum;
    this.text = text;
  }

  /**
   * @throws PayloadFormatException naming the bad character and its position.
   */
  static HexPattern parse(String text, Checksum checksum) {
    int[] values = new int[text.length() / 2 + 1];
    int count = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (" \t\r\n,:-;".indexOf(c) >= 0) {
        i++;
        continue;
      }
      if (c == '?' && i + 1 < text.length() && text.charAt(i + 1) == '?') {
        values[count++] = ANY;
        i += 2;
        continue;
      }
      if (i + 1 >= text.length() || !isHexDigit(c) || !isHexDigit(text.charAt(i + 1))) {
        int bad = isHexDigit(c) ? i + 1 : i;
        throw new PayloadFormatException(
            "malformed hex pattern '"
                + dev.socketdesk.engine.codec.Visible.of(text)
                + "' at position "
                + (bad + 1)
                + "; write bytes as two hex digits and ?? for any byte, e.g. 01 03 ?? ??",
            bad);
      }
      values[count++] = Hex.parse(text.substring(i, i + 2))[0] & 0xFF;
      i += 2;
    }
    if (count == 0) {
      throw new PayloadFormatException(
          "the hex pattern is empty; write bytes as two hex digits, e.g. 01 03 ?? ??", 0);
    }
    return new HexPattern(Arrays.copyOf(values, count), checksum, text);
  }

  private static boolean isHexDigit(char c) {
    return Character.digit(c, 16) >= 0 && c < 128;
  }

  @Override
  public Match find(byte[] data, int from, int to) {
    int n = pattern.length;
    int total = n + checksum.width();
    for (int i = from, last = to - total; i <= last; i++) {
      int j = 0;
      while (j < n && (pattern[j] == ANY || pattern[j] == (data[i + j] & 0xFF))) {
        j++;
      }
      if (j == n && checksumRight(data, i, n)) {
        return new Match(i, i + total, Map.of());
      }
    }
    return null;
  }

  private boolean checksumRight(byte[] data, int at, int n) {
    if (checksum == Checksum.NONE) {
      return true;
    }
    return Arrays.equals(
        checksum.compute(data, at, n),
        0,
        checksum.width(),
        data,
        at + n,
        at + n + checksum.width());
  }

  @Override
  public int overlap() {
    return pattern.length + checksum.width() - 1;
  }

  @Override
  public String expected() {
    return "hex "
        + text.strip()
        + (checksum == Checksum.NONE ? "" : " + a right " + checksum.cliName());
  }
}
