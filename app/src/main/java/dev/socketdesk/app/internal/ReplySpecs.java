package dev.socketdesk.app.internal;

import dev.socketdesk.engine.ReplyRule;
import dev.socketdesk.engine.codec.Checksum;
import dev.socketdesk.engine.codec.Hex;
import dev.socketdesk.engine.codec.LineEnding;
import dev.socketdesk.engine.codec.PayloadMode;
import dev.socketdesk.engine.codec.SendFormat;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses {@code --reply PATTERN=>RESPONSE}. The first {@code =>} separates the two sides.
 *
 * <p>PATTERN: {@code hex:48 65} matches those bytes; {@code re:REGEX} matches the received text
 * decoded in the chosen encoding; without a prefix it is a regex, or hex under {@code --hex-send}.
 *
 * <p>RESPONSE: {@code hex:06} or {@code text:OK\r\n} force the mode; without a prefix it is text
 * with escapes, or hex under {@code --hex-send}. The checksum and line ending are appended as for
 * any other payload.
 */
final class ReplySpecs {
  private static final String ARROW = "=>";

  private ReplySpecs() {}

  static ReplyRule parse(String spec, SendFormat format) {
    int arrow = spec.indexOf(ARROW);
    if (arrow < 0) {
      throw CliFailure.usage(
          "--reply '" + spec + "' has no '=>'; use PATTERN=>RESPONSE, e.g. --reply 'ping=>pong'");
    }
    String pattern = spec.substring(0, arrow);
    String response = spec.substring(arrow + ARROW.length());
    byte[] responseBytes = CliFailure.usageIfInvalid(() -> encodeResponse(response, format));
    if (responseBytes.length == 0) {
      throw CliFailure.usage(
          "--reply '"
              + spec
              + "' has an empty response; put the bytes to send after '=>', e.g. 'ping=>pong'");
    }
    return rule("--reply", spec, pattern, responseBytes, format);
  }

  /**
   * The rule for {@code pattern} (as in {@code --reply}) with {@code response}; {@code option} and
   * {@code spec} name the argument in error messages.
   */
  static ReplyRule rule(
      String option, String spec, String pattern, byte[] response, SendFormat format) {
    boolean hexDefault = format.mode() == PayloadMode.HEX;
    if (pattern.startsWith("hex:") || (hexDefault && !pattern.startsWith("re:"))) {
      String hex = pattern.startsWith("hex:") ? pattern.substring(4) : pattern;
      byte[] bytes = CliFailure.usageIfInvalid(() -> Hex.parse(hex));
      if (bytes.length == 0) {
        throw CliFailure.usage(
            option
                + " '"
                + spec
                + "' has an empty hex pattern; give at least one byte, e.g. hex:01");
      }
      return ReplyRule.bytes(bytes, response);
    }
    String regex = pattern.startsWith("re:") ? pattern.substring(3) : pattern;
    if (regex.isEmpty()) {
      throw CliFailure.usage(
          option + " '" + spec + "' has an empty pattern; put a regex or hex: bytes, e.g. 'ping'");
    }
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw CliFailure.usage(
          option
              + " pattern '"
              + regex
              + "' is not a valid regex ("
              + e.getDescription()
              + " near index "
              + e.getIndex()
              + "); escape special characters with \\, or use hex:");
    }
    return ReplyRule.regex(regex, format.charset(), response);
  }

  /**
   * Text with escapes, or hex under {@code --hex-send}; {@code hex:} or {@code text:} force one.
   */
  static byte[] payload(String text, SendFormat format) {
    return encodeResponse(text, format.withLineEnding(LineEnding.NONE).withChecksum(Checksum.NONE));
  }

  private static byte[] encodeResponse(String response, SendFormat format) {
    if (response.startsWith("hex:")) {
      return format.withMode(PayloadMode.HEX).encode(response.substring(4));
    }
    if (response.startsWith("text:")) {
      return format.withMode(PayloadMode.TEXT).encode(response.substring(5));
    }
    return format.encode(response);
  }
}
