package dev.socketdesk.core.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Every script in examples/tests/ runs against the simulator's profiles and passes. */
class ExamplesTest {
  static final Path EXAMPLES = Path.of("..", "examples", "tests");

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void examplePasses(Path file) {
    Suite suite = Scripts.read(file, Set.of());
    RunReport report =
        new ScriptRunner(RunSettings.defaults()).run(List.of(suite), RunListener.NONE);

    assertThat(report.tests()).hasSize(suite.tests().size());
    assertThat(report.tests())
        .allSatisfy(
            t ->
                assertThat(t.status())
                    .as("%s: %s\n%s", t.name(), t.failure(), t.transcript())
                    .isEqualTo(Status.PASSED));
    assertThat(report.exitCode()).isZero();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void theFailingExampleFailsWithExpectedAndReceivedInItsJunitReport() throws Exception {
    Path file = EXAMPLES.resolve("failing/wrong-answer.yaml");
    RunReport report =
        new ScriptRunner(RunSettings.defaults())
            .run(List.of(Scripts.read(file, Set.of())), RunListener.NONE);

    assertThat(report.exitCode()).isEqualTo(1);
    byte[] xml = JunitReport.toXml(report).getBytes(StandardCharsets.UTF_8);
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml));
    Element suites = doc.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    assertThat(suites.getAttribute("tests")).isEqualTo("1");
    assertThat(suites.getAttribute("failures")).isEqualTo("1");
    Element testcase = (Element) doc.getElementsByTagName("testcase").item(0);
    assertThat(testcase.getParentNode().getNodeName()).isEqualTo("testsuite");
    assertThat(testcase.getAttribute("name")).isEqualTo("expects an answer the board never sends");
    Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message"))
        .contains("expect \"pong\"")
        .contains("did not receive");
    assertThat(failure.getTextContent())
        .contains("expected: \"pong\"")
        .contains("received: \"ping\\n\"")
        .contains("wrong-answer.yaml:10:9");
    String out = testcase.getElementsByTagName("system-out").item(0).getTextContent();
    assertThat(out).contains("TX 5 B \"ping\\n\"").contains("RX 5 B \"ping\\n\"");
  }
}
