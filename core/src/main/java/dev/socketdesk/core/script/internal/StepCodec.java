package dev.socketdesk.core.script.internal;

import dev.socketdesk.core.script.Step;
import dev.socketdesk.engine.codec.Checksum;
import dev.socketdesk.engine.codec.PayloadFormatException;
import dev.socketdesk.engine.codec.PayloadMode;
import dev.socketdesk.engine.codec.SendFormat;
import java.nio.charset.Charset;
import java.util.regex.PatternSyntaxException;

/** A send's filled-in text as bytes, and an expect's filled-in pattern as a matcher. */
final class StepCodec {
  private StepCodec() {}

  static byte[] encode(Step.Send s, String text) throws StepFailure {
    SendFormat format =
        new SendFormat(
            s.hex() ? PayloadMode.HEX : PayloadMode.TEXT,
            s.charset(),
            true,
            s.lineEnding(),
            s.checksum());
    try {
      return format.encode(text);
    } catch (PayloadFormatException e) {
      throw new StepFailure(e.getMessage());
    }
  }

  static ByteMatcher matcher(Step.Kind kind, String pattern, Charset charset, Checksum checksum)
      throws StepFailure {
    try {
      return switch (kind) {
        case TEXT -> TextMatcher.of(pattern, charset);
        case HEX -> HexPattern.parse(pattern, checksum);
        case REGEX -> new RegexMatcher(pattern, charset);
      };
    } catch (PayloadFormatException | PatternSyntaxException ex) {
      throw new StepFailure("the pattern as filled in is not valid: " + ex.getMessage());
    }
  }
}
