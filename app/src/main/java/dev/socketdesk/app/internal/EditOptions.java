package dev.socketdesk.app.internal;

import dev.socketdesk.engine.ReplyRule;
import dev.socketdesk.engine.TrafficEdit;
import dev.socketdesk.engine.codec.SendFormat;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code forward}'s edits of relayed data: {@code --rewrite 'DIRECTION:PATTERN=>REPLACEMENT'} and
 * {@code --drop 'DIRECTION:PATTERN'}, DIRECTION being {@code to-target} or {@code to-client}. The
 * pattern is read as a {@code --reply} pattern; the replacement as a payload without the line
 * ending or checksum, since it stands in for matched bytes. A picocli mixin.
 */
@Command(addMethodSubcommands = false)
public final class EditOptions {
  private static final String ARROW = "=>";

  @Option(
      names = "--rewrite",
      paramLabel = "DIR:PATTERN=>REPLACEMENT",
      description =
          "Replace every match of PATTERN relayed in direction DIR (to-target or to-client) with"
              + " REPLACEMENT, e.g. 'to-target:AT\\+RST=>AT'. PATTERN as for --reply;"
              + " REPLACEMENT is text with escapes, or hex with hex: or --hex-send. Repeatable.")
  List<String> rewrites = new ArrayList<>();

  @Option(
      names = "--drop",
      paramLabel = "DIR:PATTERN",
      description =
          "Drop every match of PATTERN relayed in direction DIR (to-target or to-client), e.g."
              + " 'to-client:hex:FF 00'. Repeatable.")
  List<String> drops = new ArrayList<>();

  /** The edits, rewrites first, each kind in the order given. Throws {@link CliFailure} (usage). */
  public List<TrafficEdit> edits(SendFormat format) {
    List<TrafficEdit> edits = new ArrayList<>();
    for (String spec : rewrites) {
      edits.add(parse("--rewrite", spec, true, format));
    }
    for (String spec : drops) {
      edits.add(parse("--drop", spec, false, format));
    }
    return edits;
  }

  private static TrafficEdit parse(String option, String spec, boolean rewrite, SendFormat format) {
    int colon = spec.indexOf(':');
    TrafficEdit.Direction direction;
    try {
      direction = TrafficEdit.Direction.parse(colon < 0 ? "" : spec.substring(0, colon));
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage(
          option
              + " '"
              + spec
              + "' does not start with a direction; begin with to-target: or to-client:, e.g. "
              + (rewrite ? "'to-target:ping=>PING'" : "'to-client:secret'"));
    }
    String rest = spec.substring(colon + 1);
    byte[] replacement = new byte[0];
    String pattern = rest;
    if (rewrite) {
      int arrow = rest.indexOf(ARROW);
      if (arrow < 0) {
        throw CliFailure.usage(
            option
                + " '"
                + spec
                + "' has no '=>'; use DIR:PATTERN=>REPLACEMENT, e.g. 'to-target:ping=>PING'");
      }
      pattern = rest.substring(0, arrow);
      String text = rest.substring(arrow + ARROW.length());
      replacement = CliFailure.usageIfInvalid(() -> ReplySpecs.payload(text, format));
      if (replacement.length == 0) {
        throw CliFailure.usage(
            option
                + " '"
                + spec
                + "' has an empty replacement; give bytes after '=>', or use --drop '"
                + direction.label()
                + ":"
                + pattern
                + "'");
      }
    }
    ReplyRule rule = ReplySpecs.rule(option, spec, pattern, replacement, format);
    return TrafficEdit.rewrite(direction, rule);
  }
}
