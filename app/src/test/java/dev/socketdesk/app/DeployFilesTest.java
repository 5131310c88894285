package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.socketdesk.app.internal.FleetOptions;
import dev.socketdesk.app.internal.Stdio;
import dev.socketdesk.engine.simulate.Shard;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The Kubernetes manifest and the Dockerfile, which CI cannot run (no image can be pulled): the
 * manifest parses, and its socketdesk command lines parse with the CLI itself (a dry run).
 */
@Timeout(30)
class DeployFilesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static List<JsonNode> manifest() throws Exception {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        new ObjectMapper(new YAMLFactory())
            .readerFor(JsonNode.class)
            .readValues(ROOT.resolve("deploy/k8s/simulate-job.yaml").toFile())) {
      while (it.hasNext()) {
        docs.add(it.next());
      }
    }
    return docs;
  }

  private static JsonNode job(List<JsonNode> docs, String name) {
    return docs.stream()
        .filter(d -> d.path("kind").asText().equals("Job"))
        .filter(d -> d.path("metadata").path("name").asText().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static ParseResult parse(JsonNode container) {
    List<String> args = new ArrayList<>();
    container.path("args").forEach(a -> args.add(a.asText()));
    StringWriter sink = new StringWriter();
    CommandLine cl =
        Main.commandLine(
            new Stdio(new ByteArrayInputStream(new byte[0]), false, StandardCharsets.UTF_8, false),
            new PrintWriter(sink),
            new PrintWriter(sink));
    return cl.parseArgs(args.toArray(new String[0]));
  }

  @Test
  void theIndexedJobsShardsAreValidSimulateCommandsThatAgreeWithTheJob() throws Exception {
    List<JsonNode> docs = manifest();
    assertThat(docs).extracting(d -> d.path("kind").asText()).contains("PersistentVolumeClaim");
    JsonNode job = job(docs, "socketdesk-simulate");
    JsonNode spec = job.path("spec");
    assertThat(spec.path("completionMode").asText()).isEqualTo("Indexed");
    int completions = spec.path("completions").asInt();
    assertThat(spec.path("parallelism").asInt()).isEqualTo(completions);
    JsonNode container = spec.path("template").path("spec").path("containers").get(0);
    assertThat(container.path("volumeMounts").get(0).path("mountPath").asText()).isEqualTo("/logs");

    ParseResult parsed = parse(container);
    assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("simulate");
    SimulateCommand simulate = (SimulateCommand) parsed.subcommand().commandSpec().userObject();
    FleetOptions fleet = simulate.fleet;
    Shard last = fleet.shard(Map.of(FleetOptions.JOB_INDEX, String.valueOf(completions - 1)));
    assertThat(last).isEqualTo(new Shard(completions, completions));
    assertThat(parsed.subcommand().matchedOptionValue("--histogram-log", ""))
        .startsWith("/logs/")
        .contains("{shard}");
  }

  @Test
  void theReportJobWaitsForEveryShardAndRunsAValidReport() throws Exception {
    List<JsonNode> docs = manifest();
    int completions = job(docs, "socketdesk-simulate").path("spec").path("completions").asInt();
    JsonNode pod =
        job(docs, "socketdesk-simulate-report").path("spec").path("template").path("spec");
    assertThat(pod.path("initContainers").get(0).path("command").get(2).asText())
        .contains("-ge " + completions + " ]");
    ParseResult parsed = parse(pod.path("containers").get(0));
    assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("simulate-report");
    SimulateReportCommand report =
        (SimulateReportCommand) parsed.subcommand().commandSpec().userObject();
    assertThat(report.files).containsExactly(Path.of("/logs"));
    report.failIf.forEach(dev.socketdesk.app.internal.FailIf::parse);
  }

  @Test
  void theDockerfileBuildsWithMavenThenRunsAsANonRootUserOnAJre17() throws Exception {
    String docker = Files.readString(ROOT.resolve("Dockerfile"));
    assertThat(docker)
        .containsPattern("(?m)^FROM maven:\\S+ AS build$")
        .containsPattern("(?m)^FROM eclipse-temurin:17-jre$")
        .containsPattern("(?m)^USER 10001:10001$")
        .contains("ENTRYPOINT [\"socketdesk\"]")
        .contains("COPY --from=build /src/app/target/socketdesk.jar");
  }
}
