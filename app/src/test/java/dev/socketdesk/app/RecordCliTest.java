package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.app.TestCommandTest.Result;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --record} as a new user meets it: piped input, and the script it writes replayed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordCliTest {
  @TempDir Path dir;

  @Test
  void aPipedRecordingClosesWhereOurInputEndedAndReplaysGreen() throws Exception {
    pipedRecordingReplaysGreen(List.of(), List.of());
  }

  @Test
  void aPipedRecordingOverTlsClosesWhereOurInputEndedAndReplaysGreen() throws Exception {
    pipedRecordingReplaysGreen(List.of("--tls"), List.of("--tls", "--insecure"));
  }

  private void pipedRecordingReplaysGreen(List<String> serverArgs, List<String> clientArgs)
      throws Exception {
    List<String> server = new ArrayList<>(serverArgs);
    server.add("--echo");
    try (CliRun echo = CliRun.jsonTcpServer(server.toArray(new String[0]))) {
      int port = echo.listeningPort();
      Path recorded = dir.resolve("piped.yaml");
      List<String> args = new ArrayList<>(List.of("tcp-client", "127.0.0.1:" + port));
      args.addAll(clientArgs);
      args.addAll(List.of("--record", recorded.toString()));
      CliRun client =
          CliRun.piped("hello\n".getBytes(StandardCharsets.UTF_8), args.toArray(new String[0]));
      assertThat(client.exitCode()).as(client.err()).isZero();

      String yaml = Files.readString(recorded);
      assertThat(yaml)
          .contains("      - send: 'hello\\n'\n      - expect: 'hello\\n'\n      - close\n")
          .doesNotContain("expect-close");

      Result replay = TestCommandTest.run("test", recorded.toString());

      assertThat(replay.code()).as(yaml + replay.out() + replay.err()).isZero();
    }
  }

  @Test
  void anUnwritableRecordPathIsRefusedBeforeAnythingOpens() throws Exception {
    String[][] refusals = {
      {"/proc/nope/x.yaml", "its folder does not exist"},
      {dir.toString(), "it is a folder; name a file in it"}
    };
    for (String[] refusal : refusals) {
      Result r = TestCommandTest.run("tcp-client", "127.0.0.1:1", "--record", refusal[0]);

      assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
      assertThat(r.err().strip())
          .isEqualTo(
              "socketdesk: --record: cannot write "
                  + refusal[0]
                  + ": "
                  + refusal[1]
                  + "; choose a writable path");
      assertThat(r.out()).isEmpty();
    }
    assertThat(Files.list(dir)).isEmpty();
  }

  @Test
  void aRecordingThatCannotBeWrittenAtTheEndEndsTheRunWithExitCode1() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("gone"));
    Path recorded = folder.resolve("x.yaml");
    try (CliRun server = CliRun.jsonTcpServer("--record", recorded.toString())) {
      server.listeningPort();
      Files.delete(folder);
      server.type("/quit");

      assertThat(server.exitCode()).isEqualTo(1);
      assertThat(server.allLines())
          .anyMatch(line -> line.contains("--record: cannot write " + recorded));
    }
  }

  @Test
  void aTcpServerOnPort0RecordsThePortItGot() throws Exception {
    Path recorded = dir.resolve("server.yaml");
    int port;
    try (CliRun server = CliRun.jsonTcpServer("--record", recorded.toString())) {
      port = server.listeningPort();
      try (Socket device = new Socket("127.0.0.1", port)) {
        device.getOutputStream().write("hi\n".getBytes(StandardCharsets.UTF_8));
        server.event("received");
      }
      server.type("/quit");
      assertThat(server.exitCode()).isZero();
    }
    assertThat(port).isPositive();
    assertThat(Files.readString(recorded))
        .contains("    listen: " + port + "\n")
        .contains("- expect: 'hi\\n'");
  }
}
