package dev.socketdesk.core.spec;

import dev.socketdesk.engine.TrafficEdit;
import dev.socketdesk.engine.codec.Hex;
import dev.socketdesk.engine.codec.PayloadFormatException;
import dev.socketdesk.engine.codec.SendFormat;
import java.nio.charset.StandardCharsets;

/**
 * An edit of a {@link ForwardSpec}'s relayed data. JSON: {@code {"direction": "to-target", "match":
 * "AT\\+RST", "hex": false, "replacement": "AT", "replacementHex": false}}; an empty replacement
 * drops the matches. Regexes and text are UTF-8.
 *
 * @param direction {@code to-target} or {@code to-client}; required.
 * @param match a regex over the relayed text, or a hex byte pattern with {@code hex}; required.
 * @param hex whether {@code match} is hex bytes.
 * @param replacement text with escapes, or hex with {@code replacementHex}; empty drops.
 * @param replacementHex whether {@code replacement} is hex bytes.
 */
public record TrafficEditSpec(
    String direction, String match, Boolean hex, String replacement, Boolean replacementHex) {
  private static final SendFormat TEXT = SendFormat.text(StandardCharsets.UTF_8);

  public TrafficEditSpec {
    if (direction == null || direction.isBlank()) {
      throw SpecException.of("direction", "is missing: give to-target or to-client");
    }
    try {
      direction = TrafficEdit.Direction.parse(direction).label();
    } catch (IllegalArgumentException e) {
      throw SpecException.worded("direction", e.getMessage());
    }
    hex = Specs.flag(hex);
    replacement = replacement == null ? "" : replacement;
    replacementHex = Specs.flag(replacementHex);
    replacementBytes(replacement, replacementHex);
    new ReplyRuleSpec(match, hex, "", false);
  }

  /** The engine's edit. */
  public TrafficEdit edit() {
    return TrafficEdit.rewrite(
        TrafficEdit.Direction.parse(direction),
        new ReplyRuleSpec(match, hex, "", false)
            .rule(TEXT)
            .withResponse(replacementBytes(replacement, replacementHex)));
  }

  private static byte[] replacementBytes(String text, boolean isHex) {
    try {
      return isHex ? Hex.parse(text) : TEXT.payload(text);
    } catch (PayloadFormatException e) {
      throw SpecException.worded("replacement", e.getMessage());
    }
  }
}
