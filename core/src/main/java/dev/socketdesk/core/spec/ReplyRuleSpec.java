package dev.socketdesk.core.spec;

import dev.socketdesk.engine.ReplyRule;
import dev.socketdesk.engine.codec.Hex;
import dev.socketdesk.engine.codec.PayloadFormatException;
import dev.socketdesk.engine.codec.SendFormat;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A reply rule of {@link AutoActionsSpec}. JSON: {@code {"match": "ping", "hex": false, "response":
 * "pong\r\n", "responseHex": false}}.
 *
 * @param match a regex over the received text, or a hex byte pattern with {@code hex}; required.
 * @param hex whether {@code match} is hex bytes.
 * @param response the answer: text with escapes, or hex with {@code responseHex}.
 * @param responseHex whether {@code response} is hex bytes.
 */
public record ReplyRuleSpec(String match, Boolean hex, String response, Boolean responseHex) {
  public ReplyRuleSpec {
    if (match == null || match.isEmpty()) {
      throw SpecException.of("match", "is empty; enter a pattern or remove the rule");
    }
    hex = Specs.flag(hex);
    response = response == null ? "" : response;
    responseHex = Specs.flag(responseHex);
    if (hex) {
      bytes("match", match);
    } else {
      try {
        Pattern.compile(match);
      } catch (PatternSyntaxException e) {
        throw SpecException.of(
            "match",
            "'"
                + match
                + "' is not a valid regex ("
                + e.getDescription()
                + "); fix it or tick hex");
      }
    }
    if (responseHex) {
      bytes("response", response);
    }
  }

  /** The engine's rule; text is in {@code text}'s charset, with escapes. */
  public ReplyRule rule(SendFormat text) {
    byte[] answer =
        responseHex ? bytes("response", response) : SendSpec.encode("response", text, response);
    return hex
        ? ReplyRule.bytes(bytes("match", match), answer)
        : ReplyRule.regex(match, text.charset(), answer);
  }

  private static byte[] bytes(String field, String hexText) {
    try {
      return Hex.parse(hexText);
    } catch (PayloadFormatException e) {
      throw SpecException.worded(field, e.getMessage());
    }
  }
}
