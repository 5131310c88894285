package dev.socketdesk.core.script.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socketdesk.core.script.Step;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * docs/script.schema.json knows every step and option the parser knows, and the examples fit it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SchemaTest {
  static final Path SCHEMA = Path.of("..", "docs", "script.schema.json");

  @Test
  void theSchemaIsJsonAndDescribesEveryStepWithItsOptions() throws IOException {
    JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
    JsonNode defs = schema.path("$defs");

    Set<String> stepRefs = new TreeSet<>();
    schema
        .path("$defs")
        .path("step")
        .path("oneOf")
        .forEach(
            n -> {
              if (n.has("$ref")) {
                stepRefs.add(n.path("$ref").asText().replace("#/$defs/", ""));
              }
            });
    assertThat(stepRefs).containsExactlyInAnyOrderElementsOf(Step.NAMES);
    for (String step : Step.NAMES) {
      Set<String> known = new TreeSet<>(StepReader.OPTIONS_FOR_DOCS.get(step));
      known.add(step);
      Set<String> documented = new TreeSet<>();
      defs.path(step).path("properties").fieldNames().forEachRemaining(documented::add);
      assertThat(documented).as(step).isEqualTo(known);
    }
  }

  @Test
  void theExamplesValidateAgainstTheSchema() throws Exception {
    Path python = Path.of("/usr/bin/python3"); // Debian's, with Debian's modules (not pyenv's)
    boolean modules =
        Files.isExecutable(python)
            && new ProcessBuilder(python.toString(), "-c", "import jsonschema, yaml")
                    .start()
                    .waitFor()
                == 0;
    if (!modules) {
      assertThat(System.getenv("CI"))
          .as("CI needs python3-jsonschema and python3-yaml")
          .isNotEqualTo("true");
      Assumptions.abort("python3-jsonschema or python3-yaml is not installed; skipped");
    }
    Path validator = Files.createTempFile("validate_scripts", ".py");
    try (InputStream in = SchemaTest.class.getResourceAsStream("/validate_scripts.py")) {
      Files.write(validator, in.readAllBytes());
    }
    List<String> command =
        new ArrayList<>(List.of(python.toString(), validator.toString(), SCHEMA.toString()));
    try (Stream<Path> files = Files.walk(Path.of("..", "examples", "tests"))) {
      files
          .filter(p -> p.toString().endsWith(".yaml"))
          .map(Path::toString)
          .sorted()
          .forEach(command::add);
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    Files.deleteIfExists(validator);
  }
}
