package dev.socketdesk.app.internal;

import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * For the commands that cannot record: {@code --record}, mixed in with the other run options, is
 * left out of their help. It is still parsed, so that a user who gives it reads why it is refused
 * and what to record instead.
 */
public final class HideRecordOption {
  /** The commands whose sessions no script link can replay. */
  public static final Set<String> COMMANDS = Set.of("forward", "ws-server");

  private HideRecordOption() {}

  /** Replaces {@code command}'s {@code --record} with a hidden copy bound to the same field. */
  public static void apply(CommandSpec command) {
    OptionSpec record = command.findOption("--record");
    if (record != null && !record.hidden()) {
      command.remove(record);
      command.addOption(OptionSpec.builder(record).hidden(true).build());
    }
  }
}
