package dev.socketdesk.app.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.socketdesk.engine.ReplyRule;
import dev.socketdesk.engine.codec.Charsets;
import dev.socketdesk.engine.codec.Hex;
import dev.socketdesk.engine.codec.PayloadMode;
import dev.socketdesk.engine.codec.SendFormat;
import dev.socketdesk.engine.testing.FuzzChecks;
import dev.socketdesk.engine.testing.FuzzInput;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target for {@code --reply PATTERN=>RESPONSE}: {@link ReplySpecs} and the {@link ReplyRule}
 * it builds.
 */
@Timeout(10)
class ReplySpecFuzzTest {
  private static final List<PayloadMode> MODES = List.of(PayloadMode.TEXT, PayloadMode.HEX);

  /**
   * Input: a byte picking text or hex sending, a byte picking an offered encoding, then the spec. A
   * spec is a rule or a usage error (exit code 2) with one line; a rule written back as a spec with
   * explicit prefixes parses to the same rule.
   */
  @FuzzTest
  void parseFormatParseIsStable(byte[] input) {
    FuzzInput data = new FuzzInput(input);
    SendFormat format =
        SendFormat.text(Charsets.forName(data.pick(Charsets.OFFERED))).withMode(data.pick(MODES));
    String spec = data.restAsText();
    ReplyRule rule;
    try {
      rule = ReplySpecs.parse(spec, format);
    } catch (CliFailure e) {
      assertThat(e.exitCode()).isEqualTo(CliFailure.USAGE);
      FuzzChecks.assertOneLine(e.getMessage());
      return;
    }
    assertThat(rule.response()).isNotEmpty();
    String written = spec(rule);
    assertThat(ReplySpecs.parse(written, format)).isEqualTo(rule);
    assertThat(spec(ReplySpecs.parse(written, format))).isEqualTo(written);
  }

  /** The rule as a spec with explicit prefixes: {@code re:REGEX} or {@code hex:..}, then hex. */
  private static String spec(ReplyRule rule) {
    String pattern =
        rule.regex() != null ? "re:" + rule.regex().pattern() : "hex:" + Hex.format(rule.pattern());
    return pattern + "=>hex:" + Hex.format(rule.response());
  }
}
