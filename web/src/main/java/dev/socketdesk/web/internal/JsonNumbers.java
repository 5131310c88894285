package dev.socketdesk.web.internal;

import dev.socketdesk.engine.codec.AsciiNumbers;
import io.vertx.core.json.JsonObject;

/** Numbers in request bodies, given as JSON numbers or as text typed into a form. */
final class JsonNumbers {
  private JsonNumbers() {}

  /**
   * The whole number at {@code key}, or {@code fallback} when it is missing or blank; a bad value
   * or one outside {@code min..max} is a 400 error naming the key, the value and the range.
   */
  static long whole(JsonObject o, String key, long fallback, long min, long max, String unit) {
    Object v = o.getValue(key);
    if (v == null || v.toString().isBlank()) {
      return fallback;
    }
    long n;
    try {
      n = v instanceof Number num ? num.longValue() : asciiWhole(v.toString().strip());
      if (v instanceof Number num && num.doubleValue() != n) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(key + " '" + v + "' is not a whole number of " + unit);
    }
    if (n < min || n > max) {
      throw ApiException.badRequest(
          key + " " + n + " is out of range; use " + min + " to " + max + " " + unit);
    }
    return n;
  }

  /** A whole number typed in ASCII digits, or NumberFormatException (fullwidth ８ is refused). */
  private static long asciiWhole(String text) {
    long n = AsciiNumbers.parse(text, Long.MIN_VALUE);
    if (n == Long.MIN_VALUE) {
      throw new NumberFormatException(text);
    }
    return n;
  }
}
