package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --log}: the JSON event lines in a file series, as a week-long run would keep them. */
@Timeout(60)
class EventLogCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void everyEventIsAppendedAsTheJsonLineThatJsonPrints() throws Exception {
    Path log = dir.resolve("events.jsonl");
    Files.writeString(log, "{\"event\":\"earlier run\"}\n");
    try (CliRun cli = CliRun.jsonTcpServer("--log", log.toString())) {
      int port = cli.listeningPort();
      try (Socket board = new Socket(InetAddress.getLoopbackAddress(), port)) {
        cli.event("connected");
        board.getOutputStream().write("Hello WalnutPi!".getBytes(StandardCharsets.UTF_8));
        cli.event("received");
      }
      cli.event("closed");
    }
    List<JsonNode> lines = read(log);
    assertThat(lines.get(0).path("event").asText()).isEqualTo("earlier run");
    assertThat(lines.stream().map(l -> l.path("event").asText()))
        .containsSubsequence("listening", "connected", "received", "closed", "summary");
    JsonNode received =
        lines.stream().filter(l -> l.path("event").asText().equals("received")).findFirst().get();
    assertThat(received.path("text").asText()).isEqualTo("Hello WalnutPi!");
    assertThat(received.path("bytes").asInt()).isEqualTo(15);
  }

  @Test
  void aSizeLimitContinuesInNumberedFilesAndKeepsTheNewest() throws Exception {
    Path log = dir.resolve("events.jsonl");
    try (CliRun cli =
        CliRun.jsonTcpServer("--log", log.toString(), "--log-max", "1k", "--log-files", "2")) {
      int port = cli.listeningPort();
      try (Socket board = new Socket(InetAddress.getLoopbackAddress(), port)) {
        cli.event("connected");
        for (int i = 0; i < 40; i++) {
          board
              .getOutputStream()
              .write(("reading " + i + " ").repeat(4).getBytes(StandardCharsets.UTF_8));
          cli.event("received");
        }
      }
      cli.event("closed");
    }
    try (var files = Files.list(dir)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).hasSize(2);
      assertThat(names).doesNotContain("events.jsonl", "events-2.jsonl");
      for (String name : names) {
        assertThat(Files.size(dir.resolve(name))).isLessThan(1024 + 512);
        assertThat(read(dir.resolve(name))).isNotEmpty();
      }
    }
  }

  @Test
  void anUnwritableLogIsBadInputInOneLine() {
    Path missing = dir.resolve("nowhere").resolve("events.jsonl");
    CliParsingTest.Result result =
        CliParsingTest.run("udp", "--port", "0", "--log", missing.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err().strip())
        .isEqualTo(
            "socketdesk: cannot write "
                + missing
                + ": its folder does not exist; choose a writable path");
  }

  private static List<JsonNode> read(Path file) throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }
}
