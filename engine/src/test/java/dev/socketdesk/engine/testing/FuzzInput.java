package dev.socketdesk.engine.testing;

import java.util.List;

/**
 * Reads a fuzzer's raw bytes the way the fuzz targets need them, so that corpus files stay plain
 * files: a leading byte may choose from a list, and text is the rest read as UTF-8.
 */
public final class FuzzInput {
  private final byte[] data;
  private int position;

  public FuzzInput(byte[] data) {
    this.data = data;
  }

  /** The next byte, 0 to 255, or 0 once the input is used up. */
  public int nextByte() {
    return position < data.length ? data[position++] & 0xFF : 0;
  }

  /** An element of {@code choices}, chosen by the next byte. */
  public <T> T pick(List<T> choices) {
    return choices.get(nextByte() % choices.size());
  }

  /** The bytes not yet read. */
  public byte[] rest() {
    byte[] rest = new byte[data.length - position];
    System.arraycopy(data, position, rest, 0, rest.length);
    position = data.length;
    return rest;
  }

  /** The bytes not yet read, as text; see {@link #text(byte[])}. */
  public String restAsText() {
    return text(rest());
  }

  /**
   * Decodes UTF-8 leniently: encoded surrogates (ED A0 80) become lone surrogates, so the fuzzer
   * can reach them, and every other invalid byte becomes U+FFFD.
   */
  public static String text(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length);
    int i = 0;
    while (i < bytes.length) {
      int b = bytes[i] & 0xFF;
      if (b < 0x80) {
        out.append((char) b);
        i++;
        continue;
      }
      int extra = b >= 0xF0 && b < 0xF8 ? 3 : b >= 0xE0 && b < 0xF0 ? 2 : b >= 0xC0 ? 1 : 0;
      if (extra == 0 || i + extra >= bytes.length) {
        out.append('\uFFFD');
        i++;
        continue;
      }
      int code = b & (0x3F >> extra);
      boolean valid = true;
      for (int k = 1; k <= extra; k++) {
        int next = bytes[i + k] & 0xFF;
        if ((next & 0xC0) != 0x80) {
          valid = false;
          break;
        }
        code = code << 6 | (next & 0x3F);
      }
      if (!valid || code > Character.MAX_CODE_POINT) {
        out.append('\uFFFD');
        i++;
        continue;
      }
      out.appendCodePoint(code);
      i += extra + 1;
    }
    return out.toString();
  }
}
