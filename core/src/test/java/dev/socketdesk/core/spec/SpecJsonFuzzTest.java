package dev.socketdesk.core.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.testing.FuzzInput;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz targets for the spec JSON bodies of the HTTP API: sessions ({@link SessionSpec}),
 * simulations ({@link SimulationSpec}), automatic actions ({@link AutoActionsSpec}) and periodic
 * sends ({@link PeriodicSpec}). Any text is accepted or is a {@link SpecException} with one line,
 * which the API answers with 400; never another exception (a 500).
 */
@Timeout(10)
class SpecJsonFuzzTest {

  /** A session body parses or fails with one line; a parsed spec survives its JSON. */
  @FuzzTest
  void sessionSpecSurvivesToJsonAndBack(byte[] input) {
    SessionSpec spec;
    try {
      spec = SessionSpecs.readJson(FuzzInput.text(input), SessionSpec.class);
    } catch (SpecException e) {
      assertOneLine(e);
      return;
    }
    String json = SessionSpecs.toJson(spec);
    assertThat(SessionSpecs.readJson(json, SessionSpec.class)).isEqualTo(spec);
  }

  /** A simulation body builds a config (after a session id is resolved) or fails with one line. */
  @FuzzTest
  void simulationSpecIsAcceptedOrASpecException(byte[] input) {
    try {
      String text = FuzzInput.text(input);
      SimulationSpec spec = SessionSpecs.readJson(text, SimulationSpec.class);
      if (spec.target() == null && !spec.profile().isServer()) {
        spec = spec.withTarget(new HostPort("127.0.0.1", 9));
      }
      assertThat(spec.config(SessionSpecs.readJson(text, SendFormatSpec.class).format()))
          .isNotNull();
    } catch (SpecException e) {
      assertOneLine(e);
    }
  }

  /** An automatic actions body, reply rules included, gives actions or fails with one line. */
  @FuzzTest
  void autoActionsAreAcceptedOrASpecException(byte[] input) {
    try {
      assertThat(SessionSpecs.readJson(FuzzInput.text(input), AutoActionsSpec.class).actions())
          .isNotNull();
    } catch (SpecException e) {
      assertOneLine(e);
    }
  }

  /** A periodic send body gives a periodic send or fails with one line. */
  @FuzzTest
  void periodicSendIsAcceptedOrASpecException(byte[] input) {
    try {
      String text = FuzzInput.text(input);
      SendFormatSpec format = SessionSpecs.readJson(text, SendFormatSpec.class);
      assertThat(SessionSpecs.readJson(text, PeriodicSpec.class).periodic(format.format()))
          .isNotNull();
    } catch (SpecException e) {
      assertOneLine(e);
    }
  }

  private static void assertOneLine(SpecException e) {
    assertThat(e.getMessage()).as("message of %s", e).isNotBlank().doesNotContain("\n");
  }
}
