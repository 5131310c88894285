package dev.socketdesk.core.script;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A {@link RunReport} as one JSON document: {@code {passed, failed, interrupted, millis, tests:
 * [{file, suite, name, run, status, millis, steps: [...], failure, transcript}]}}.
 */
public final class JsonReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonReport() {}

  public static String toJson(RunReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("passed", report.passed());
    root.put("failed", report.failed());
    root.put("interrupted", report.interrupted());
    root.put("started", report.started().toString());
    root.put("millis", report.millis());
    ArrayNode tests = root.putArray("tests");
    for (TestResult t : report.tests()) {
      ObjectNode test = tests.addObject();
      test.put("file", t.file());
      test.put("suite", t.suite());
      test.put("name", t.name());
      test.put("run", t.run());
      test.put("status", t.status().name().toLowerCase(java.util.Locale.ROOT));
      test.put("millis", t.millis());
      ArrayNode steps = test.putArray("steps");
      t.steps().forEach(s -> steps.add(step(s)));
      if (t.failure() != null) {
        test.set("failure", step(t.failure()));
      } else {
        test.putNull("failure");
      }
      test.put("transcript", t.transcript());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode step(StepResult s) {
    ObjectNode step = JSON.createObjectNode();
    step.put("step", s.step());
    step.put("line", s.location().line());
    step.put("column", s.location().column());
    step.put("depth", s.depth());
    step.put("status", s.status().name().toLowerCase(java.util.Locale.ROOT));
    step.put("millis", s.millis());
    step.put("message", s.message());
    step.put("expected", s.expected());
    step.put("received", s.received());
    return step;
  }
}
