package dev.socketdesk.engine;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * When received data matches, send a response. Matching runs over the stream of bytes received from
 * one peer, so a match split across two reads is still found; each match fires once.
 *
 * <p>A regex rule matches the received text decoded in {@code charset}; a hex rule matches an exact
 * byte sequence.
 */
public final class ReplyRule {
  private final Pattern regex;
  private final Charset charset;
  private final byte[] pattern;
  private final byte[] response;
  private final String description;

  private ReplyRule(
      Pattern regex, Charset charset, byte[] pattern, byte[] response, String description) {
    this.regex = regex;
    this.charset = charset;
    this.pattern = pattern;
    this.response = response;
    this.description = description;
  }

  /** A rule that fires when the decoded text matches {@code regex}. */
  public static ReplyRule regex(String regex, Charset charset, byte[] response) {
    return new ReplyRule(
        Pattern.compile(regex), charset, null, response.clone(), "/" + regex + "/");
  }

  /** A rule that fires when the bytes {@code pattern} arrive. */
  public static ReplyRule bytes(byte[] pattern, byte[] response) {
    if (pattern.length == 0) {
      throw new IllegalArgumentException(
          "a reply rule's byte pattern is empty; give at least one byte");
    }
    return new ReplyRule(null, null, pattern.clone(), response.clone(), "hex pattern");
  }

  /** The same pattern with another response (for an edit: the replacement, empty to drop). */
  public ReplyRule withResponse(byte[] response) {
    return new ReplyRule(regex, charset, pattern, response.clone(), description);
  }

  /** The regex, or null for a byte-pattern rule. */
  public Pattern regex() {
    return regex;
  }

  /** The charset regex rules decode with, or null for a byte-pattern rule. */
  public Charset charset() {
    return charset;
  }

  /** The byte pattern, or null for a regex rule. */
  public byte[] pattern() {
    return pattern == null ? null : pattern.clone();
  }

  /** The bytes sent back on a match. */
  public byte[] response() {
    return response.clone();
  }

  @Override
  public String toString() {
    return description + " => " + response.length + " bytes";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReplyRule r
        && description.equals(r.description)
        && Arrays.equals(pattern, r.pattern)
        && Arrays.equals(response, r.response);
  }

  @Override
  public int hashCode() {
    return description.hashCode() * 31 + Arrays.hashCode(response);
  }
}
