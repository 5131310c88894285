package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socketdesk.app.internal.Stdio;
import dev.socketdesk.core.script.ScriptRecorder;
import dev.socketdesk.engine.simulate.Profile;
import dev.socketdesk.engine.simulate.Simulation;
import dev.socketdesk.engine.simulate.SimulationConfig;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code socketdesk test}: verdicts, exit codes, reports, and --record's scripts replayed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestCommandTest {
  static final Path EXAMPLES = Path.of("..", "examples", "tests");

  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Stdio io =
        new Stdio(new ByteArrayInputStream(new byte[0]), false, StandardCharsets.UTF_8, false);
    int code =
        Main.commandLine(io, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  static List<String> examples() throws Exception {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .map(Path::toString)
          .sorted()
          .toList();
    }
  }

  @Test
  void theExamplesPassWithOneLinePerStepAndAJunitReport() throws Exception {
    Path junit = dir.resolve("reports/junit.xml");
    List<String> args = new ArrayList<>(List.of("test", "--junit", junit.toString()));
    args.addAll(examples());

    Result r = run(args.toArray(new String[0]));

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("  ok    send \"hello board\"").contains("PASS  echoes a line");
    assertThat(r.out().strip().lines().reduce((a, b) -> b).orElseThrow())
        .matches("\\d+ passed, 0 failed \\(\\d+\\.\\d s\\)");
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    assertThat(doc.getElementsByTagName("testsuite").getLength()).isEqualTo(examples().size());
  }

  @Test
  void theFailingExampleExitsOneAndNamesExpectedAndReceived() throws Exception {
    Path junit = dir.resolve("junit.xml");
    Result r =
        run(
            "test",
            "--junit",
            junit.toString(),
            EXAMPLES.resolve("failing/wrong-answer.yaml").toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("FAIL  expect \"pong\"")
        .contains("did not receive \"pong\" in time; received \"ping\\n\"")
        .contains("0 passed, 1 failed");
    String xml = Files.readString(junit);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
    assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagName("failure").item(0).getTextContent())
        .contains("expected: \"pong\"")
        .contains("received: \"ping\\n\"");
    assertThat(xml).contains("<system-out>");
  }

  @Test
  void aBadScriptIsExitTwoWithOneLineNamingFileLineAndColumn() throws Exception {
    Path script = dir.resolve("bad.yaml");
    Files.writeString(script, "name: t\nconnect: 127.0.0.1:1\nsteps:\n  - sned: hi\n");

    Result r = run("test", script.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith(script + ":4:5: unknown step 'sned'; use send, send-hex");
  }

  @Test
  void jsonIsOneDocumentWithEveryTestAndStep() throws Exception {
    Result r = run("test", "--json", EXAMPLES.resolve("modbus-crc.yaml").toString());

    assertThat(r.code()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.path("passed").asInt()).isEqualTo(1);
    assertThat(doc.path("tests").get(0).path("status").asText()).isEqualTo("passed");
    assertThat(doc.path("tests").get(0).path("steps").get(2).path("step").asText())
        .startsWith("expect-hex");
  }

  @Test
  void repeatAndJobsRunEveryTestThatOften() throws Exception {
    Result r =
        run(
            "test",
            "--repeat",
            "3",
            "--jobs",
            "2",
            "--json",
            EXAMPLES.resolve("udp-server-board.yaml").toString());

    assertThat(r.code()).as(r.out()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.path("passed").asInt()).isEqualTo(3);
  }

  @Test
  void theTimeoutBoundsAWholeTest() throws Exception {
    Path script = dir.resolve("slow.yaml");
    Files.writeString(script, "name: slow\nsteps:\n  - wait: 10s\n");

    Result r = run("test", "--timeout", "200ms", script.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("the test's timeout 200ms ran out");
  }

  @Test
  void aRecordedTcpClientSessionReplaysAsAPassingTest() throws Exception {
    try (Simulation echo =
        new Simulation(
            SimulationConfig.builder(Profile.TCP_ECHO_SERVER)
                .bind("127.0.0.1", 0)
                .threads(1)
                .build())) {
      int port = echo.start().get(10, TimeUnit.SECONDS).getPort();
      Path recorded = dir.resolve("recorded.yaml");
      String yaml =
          recordOneExchange(
              recorded, "hello", c -> c.event("connected"), "tcp-client", "127.0.0.1:" + port);
      assertThat(yaml)
          .contains("connect: '127.0.0.1:" + port + "'")
          .contains("- send: 'hello'")
          .contains("- expect: 'hello'");

      assertReplaysAsPassing(recorded);
    }
  }

  @Test
  void recordIsRefusedWithExit2WhereNoScriptLinkCouldReplayIt() {
    Path file = dir.resolve("never.yaml");
    String[][] commands = {
      {"ws-server", "--port", "0", "--record", file.toString()},
      {"forward", "127.0.0.1:9", "--port", "0", "--record", file.toString()},
      {"tcp-server", "--port", "0", "--tls", "--record", file.toString()}
    };
    String[] refusals = {
      ScriptRecorder.cannotRecord("ws-server", false),
      ScriptRecorder.cannotRecord("forward", false),
      ScriptRecorder.cannotRecord("tcp-server", true)
    };
    for (int i = 0; i < commands.length; i++) {
      Result r = run(commands[i]);
      assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
      assertThat(r.err().strip()).isEqualTo("socketdesk: --record: " + refusals[i]);
      assertThat(r.out()).isEmpty();
      assertThat(file).doesNotExist();
    }
  }

  @Test
  void aRecordedWebSocketSessionReplaysAsAPassingTest() throws Exception {
    try (Simulation echo =
        new Simulation(
            SimulationConfig.builder(Profile.WS_ECHO_SERVER)
                .bind("127.0.0.1", 0)
                .threads(1)
                .build())) {
      int port = echo.start().get(10, TimeUnit.SECONDS).getPort();
      Path recorded = dir.resolve("recorded-ws.yaml");
      String yaml =
          recordOneExchange(
              recorded,
              "status?",
              c -> c.event("connected"),
              "ws-client",
              "ws://127.0.0.1:" + port + "/board");
      assertThat(yaml)
          .contains("ws: 'ws://127.0.0.1:" + port + "/board'")
          .contains("- send: 'status?'")
          .contains("- expect: 'status?'");

      assertReplaysAsPassing(recorded);
    }
  }

  @Test
  void aRecordedUdpSessionReplaysAsAPassingTest() throws Exception {
    try (Simulation board =
        new Simulation(
            SimulationConfig.builder(Profile.UDP_SERVER).bind("127.0.0.1", 0).threads(1).build())) {
      int port = board.start().get(10, TimeUnit.SECONDS).getPort();
      Path recorded = dir.resolve("recorded-udp.yaml");
      int[] bound = new int[1];
      String yaml =
          recordOneExchange(
              recorded,
              "hello",
              c -> bound[0] = c.listeningPort(),
              "udp",
              "--bind",
              "127.0.0.1",
              "--port",
              "0",
              "--to",
              "127.0.0.1:" + port);
      assertThat(yaml)
          .contains("udp: {port: " + bound[0] + ", to: '127.0.0.1:" + port + "'}")
          .contains("- send: 'hello'")
          .contains("- expect: 'hello,i am server'");

      assertReplaysAsPassing(recorded);
    }
  }

  @Test
  void badRunOptionsNameTheOptionAndTheFixInOneLine() throws Exception {
    String script = EXAMPLES.resolve("echo-board.yaml").toString();
    String[][] cases = {
      {"--jobs", "0", "--jobs 0 is too small; use 1 or more"},
      {"--repeat", "0", "--repeat 0 is too small; use 1 or more"},
      {"--repeat", "x", "--repeat 'x' is not a whole number; use 1 or more, e.g. 10"},
      {
        "--timeout",
        "5sec",
        "--timeout '5sec' is not a duration; use a number with ms, s, m or h, e.g. 500ms or 2s"
      },
      {
        "--var",
        "novalue",
        "--var 'novalue' has no value; use --var NAME=VALUE, e.g. --var board=192.168.4.1:5000"
      },
      {
        "--var",
        "=x",
        "--var '=x' has no name; use --var NAME=VALUE, e.g. --var board=192.168.4.1:5000"
      }
    };
    for (String[] c : cases) {
      Result r = run("test", c[0], c[1], script);

      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err().strip()).isEqualTo("socketdesk: " + c[2]);
    }
  }

  /**
   * Runs {@code command} with {@code --json --input lines --record recorded}, waits until {@code
   * ready} says the link is up, types {@code line}, waits for the answer and quits (exit 0); the
   * recorded script.
   */
  private static String recordOneExchange(
      Path recorded, String line, Consumer<CliRun> ready, String... command) throws Exception {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--json", "--input", "lines", "--record", recorded.toString()));
    try (CliRun client = CliRun.interactive(args.toArray(String[]::new))) {
      ready.accept(client);
      client.type(line);
      client.event("received");
      client.type("/quit");
      assertThat(client.exitCode()).isZero();
    }
    return Files.readString(recorded);
  }

  /** {@code socketdesk test recorded} passes. */
  private static void assertReplaysAsPassing(Path recorded) {
    Result replay = run("test", recorded.toString());
    assertThat(replay.code()).as(replay.out()).isZero();
  }
}
