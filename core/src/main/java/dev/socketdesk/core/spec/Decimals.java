package dev.socketdesk.core.spec;

import dev.socketdesk.engine.codec.AsciiNumbers;
import dev.socketdesk.engine.codec.Visible;

/** Decimal numbers as people type them, e.g. a ramp of {@code 2.5} devices per second. */
public final class Decimals {
  private Decimals() {}

  /**
   * A number of ASCII digits with an optional leading {@code -} and fraction; finite.
   *
   * @throws SpecException for {@code field}, naming the value.
   */
  public static double parse(String text, String field) {
    String s = text == null ? "" : text.strip();
    if (!s.matches("-?[0-9]+(\\.[0-9]+)?")) {
      throw SpecException.of(
          field,
          "'"
              + Visible.of(text == null ? "" : text)
              + "' is not a number"
              + (AsciiNumbers.hasOtherDigits(s) ? "; write it with the ASCII digits 0-9" : ""));
    }
    double d = Double.parseDouble(s);
    if (Double.isInfinite(d)) {
      throw SpecException.of(field, s + " is too large");
    }
    return d;
  }
}
