package dev.socketdesk.engine;

/** Counts in printed text: {@code 1 device}, {@code 2 devices}, {@code 0 devices}. */
public final class Plural {
  private Plural() {}

  /** {@code n} and the noun, with an {@code s} unless {@code n} is 1; for nouns plural in -s. */
  public static String of(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
