package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.app.internal.Stdio;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Main#main} builds picocli's model of the invoked subcommand only (a start-up saving); what
 * a user sees must be the same as with every subcommand: help, usage errors and their hints.
 */
class CliOneCommandModelTest {
  private static final Stdio NO_INPUT =
      new Stdio(new ByteArrayInputStream(new byte[0]), false, StandardCharsets.UTF_8, false);

  /** Exit code, stdout and stderr of a run with the model of {@code invoked} (null: all). */
  private static String run(String invoked, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.commandLine(NO_INPUT, new PrintWriter(out, true), new PrintWriter(err, true), invoked)
            .execute(args);
    return code + "\n" + out + "\n" + err;
  }

  @Test
  @Timeout(60)
  void eachCommandAloneAnswersAsWithEveryCommand() {
    List<List<String>> cases =
        List.of(
            List.of("tcp-server", "--help"),
            List.of("tcp-server", "--version"),
            List.of("tcp-server", "--prot", "1"),
            List.of("tcp-server", "--port", "70000"),
            List.of("tcp-server", "--port", "70000", "ui"),
            List.of("tcp-client", "--help"),
            List.of("tcp-client"),
            List.of("tcp-client", "127.0.0.1:1", "--reconect"),
            List.of("udp", "--port", "x"),
            List.of("serial", "--help"),
            List.of("forward", "--help"),
            List.of("ws-server", "--help"),
            List.of("ws-client", "--help"),
            List.of("ui", "--help"),
            List.of("ui", "--port", "0"),
            List.of("simulate", "--help"),
            List.of("simulate-report", "--help"),
            List.of("test", "--help"));
    for (List<String> args : cases) {
      String[] a = args.toArray(String[]::new);
      assertThat(run(a[0], a)).as(String.join(" ", args)).isEqualTo(run(null, a));
    }
  }
}
