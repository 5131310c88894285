package dev.socketdesk.core.spec;

import java.time.Duration;

/** The checks the spec records' constructors share: defaults for missing values, and ranges. */
final class Specs {
  private Specs() {}

  /** A host or interface name, stripped; null when missing or blank. */
  static String host(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** A port from {@code min} to 65535; {@code fallback} when missing. */
  static int port(String field, Integer value, int fallback, int min) {
    return whole(field, value, fallback, min, 65535);
  }

  /** A whole number from {@code min} to {@code max}; {@code fallback} when missing. */
  static int whole(String field, Integer value, int fallback, int min, int max) {
    return (int) whole(field, value == null ? null : value.longValue(), fallback, min, max);
  }

  /** A whole number from {@code min} to {@code max}; {@code fallback} when missing. */
  static long whole(String field, Long value, long fallback, long min, long max) {
    long n = value == null ? fallback : value;
    if (n < min || n > max) {
      throw SpecException.of(field, n + " is out of range; use " + min + " to " + max);
    }
    return n;
  }

  /** A duration from {@code min} to {@code max}; {@code fallback} when missing. */
  static Duration duration(
      String field, Duration value, Duration fallback, Duration min, Duration max) {
    Duration d = value == null ? fallback : value;
    if (d == null) {
      return null;
    }
    if (d.compareTo(min) < 0) {
      throw SpecException.of(
          field,
          Durations.format(d)
              + " is too short; use at least "
              + Durations.format(min)
              + (min.isZero() ? "" : ", e.g. 5s"));
    }
    if (d.compareTo(max) > 0) {
      throw SpecException.of(
          field, Durations.format(d) + " is too long; use at most " + Durations.format(max));
    }
    return d;
  }

  /** {@code true} only when given as true. */
  static boolean flag(Boolean value) {
    return value != null && value;
  }

  /** A TLS server with the certificate generated once in the config directory. */
  static dev.socketdesk.engine.TlsConfig generatedTls() {
    return dev.socketdesk.engine.TlsConfig.generatedServer(
        dev.socketdesk.core.ConfigDirs.defaultDir());
  }
}
