package dev.socketdesk.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.testing.FuzzInput;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz targets for the JSON bodies of the HTTP API that describe sessions: the New session form
 * ({@link TabSpec}), the Simulate devices form ({@link SimulationSpec}) and the automatic actions
 * with their reply rules ({@link Payloads#autoActions}). A body is accepted or answered with 400
 * and a message, never another failure (a 500).
 */
@Timeout(10)
class SpecJsonFuzzTest {
  private static final IntFunction<Session> NO_SESSIONS =
      id -> {
        throw ApiException.notFound("no session " + id);
      };

  /** A New session body parses or is a 400; a parsed spec survives toJson and parsing again. */
  @FuzzTest
  void tabSpecSurvivesToJsonAndBack(byte[] input) {
    JsonObject body = object(input);
    if (body == null) {
      return;
    }
    TabSpec spec;
    try {
      spec = TabSpec.fromJson(body);
    } catch (RuntimeException e) {
      assertBadRequest(e);
      return;
    }
    TabSpec again = TabSpec.fromJson(spec.toJson());
    assertThat(again).isEqualTo(spec);
    assertThat(TabSpec.fromJson(new JsonObject(again.toJson().encode()))).isEqualTo(spec);
  }

  /** A Simulate devices body builds a config or is a 400 (or the 404 of an unknown session). */
  @FuzzTest
  void simulationSpecIsAcceptedOrABadRequest(byte[] input) {
    JsonObject body = object(input);
    if (body == null) {
      return;
    }
    try {
      assertThat(SimulationSpec.parse(body, NO_SESSIONS)).isNotNull();
    } catch (ApiException e) {
      if (e.status() != 404) {
        assertBadRequest(e);
      }
    } catch (RuntimeException e) {
      assertBadRequest(e);
    }
  }

  /** An automatic actions body, reply rules included, is accepted or is a 400. */
  @FuzzTest
  void autoActionsAreAcceptedOrABadRequest(byte[] input) {
    JsonObject body = object(input);
    if (body == null) {
      return;
    }
    try {
      assertThat(Payloads.autoActions(body)).isNotNull();
    } catch (RuntimeException e) {
      assertBadRequest(e);
    }
  }

  /** The input as a JSON object, or null if it is not one (the API answers 400 before parsing). */
  private static JsonObject object(byte[] input) {
    try {
      return Json.decodeValue(FuzzInput.text(input)) instanceof JsonObject o ? o : null;
    } catch (DecodeException e) {
      return null;
    }
  }

  private static void assertBadRequest(RuntimeException e) {
    assertThat(ApiErrors.statusOf(e)).as("status of %s", e).isEqualTo(400);
    assertThat(e.getMessage()).as("message of %s", e).isNotBlank();
  }
}
