package dev.socketdesk.engine.codec;

/** Renders captured bytes for people, in a {@link DisplayMode}. */
public final class Display {
  /** Separates the text and the hex in {@link DisplayMode#BOTH}. */
  public static final String SEPARATOR = "  |  ";

  private Display() {}

  /**
   * {@code TEXT}: the decoded text ({@code decoder} keeps split characters for the next chunk);
   * {@code HEX}: {@link Hex#format(byte[])}; {@code BOTH}: text, {@link #SEPARATOR}, hex. The
   * {@code decoder} may be null for {@code HEX}, and is not touched then.
   */
  public static String render(byte[] data, DisplayMode mode, TextDecoder decoder) {
    return switch (mode) {
      case TEXT -> decoder.decode(data);
      case HEX -> Hex.format(data);
      case BOTH -> decoder.decode(data) + SEPARATOR + Hex.format(data);
    };
  }
}
