package dev.socketdesk.core.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad script is one line naming file:line:column, what is wrong and the fix. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ScriptErrorsTest {

  static ScriptException error(String yaml) {
    ScriptException e =
        catchThrowableOfType(ScriptException.class, () -> Scripts.parse("t.yaml", yaml));
    assertThat(e).as("no error for:\n" + yaml).isNotNull();
    assertThat(e.getMessage()).doesNotContain("\n");
    return e;
  }

  static String test(String steps) {
    return "name: t\nconnect: 127.0.0.1:5000\nsteps:\n" + steps;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown step     | '  - sned: hi\\n'                              | 4 | 5  | unknown step 'sned'; use send, send-hex, expect
          bad duration     | '  - expect: OK\\n    timeout: 5 sec\\n'      | 5 | 14 | timeout: '5 sec' is not a duration; use a number with ms, s, m or h, e.g. 500ms or 2s
          bad wait         | '  - wait: soon\\n'                            | 4 | 11 | wait: 'soon' is not a duration
          bad hex          | '  - send-hex: 01 0G\\n'                       | 4 | 19 | malformed hex "01 0G": 'G' at position 5 is not a hex digit
          bad hex pattern  | '  - expect-hex: 01 ?\\n'                      | 4 | 20 | expect-hex: malformed hex pattern '01 ?' at position 4; write bytes as two hex digits and ?? for any byte
          bad regex        | '  - expect-regex: \"v(\\\\d+\"\\n'            | 4 | 25 | bad regex 'v(\\d+': Unclosed group at index 5; escape literal
          missing link     | '  - send: hi\\n    on: logger\\n'            | 5 | 9  | on: 'logger' names no link of this test; use one of link
          undefined var    | '  - send: \"v=${ver}\"\\n'                    | 4 | 14 | ${ver} is not defined here; set it in vars:, with a set: step or --var
          bad escape       | '  - send: ''a\\q''\\n'                       | 4 | 13 | bad escape \"\\q\" at position 2
          unknown option   | '  - send: hi\\n    timeout: 2s\\n'           | 5 | 5  | 'timeout' is not an option of send; use checksum, encoding, line-ending, on
          bad checksum     | '  - send: hi\\n    checksum: crc8\\n'        | 5 | 15 | checksum: unknown checksum 'crc8'; use none, sum8
          two steps        | '  - send: hi\\n    expect: hi\\n'            | 5 | 5  | two steps in one item (send and expect); start each step with its own '-'
          repeat count     | '  - repeat: lots\\n    steps: [{wait: 1ms}]\\n' | 4 | 13 | bad repeat 'lots'; use a whole number from 1 to 100000000
          """)
  void stepErrors(String what, String steps, int line, int column, String message) {
    ScriptException e = error(test(steps.replace("\\n", "\n")));

    assertThat(e.problem()).as(what).startsWith(message);
    assertThat(e.location())
        .as(what + ": " + e.getMessage())
        .isEqualTo(new Location("t.yaml", line, column));
    assertThat(e.getMessage()).startsWith("t.yaml:" + line + ":" + column + ": ");
  }

  @Test
  void aTestWithoutALinkSaysHowToAddOne() {
    ScriptException e = error("name: t\nsteps:\n  - send: hi\n");

    assertThat(e.getMessage())
        .isEqualTo(
            "t.yaml:3:5: this test has no link; add connect: HOST:PORT, listen: PORT, udp: {port,"
                + " to}, ws: URL, serial: {path, baud} or links: {NAME: {connect: HOST:PORT}, ...}");
  }

  @Test
  void aLinkMayUseAVariableASimulateStepSetsLater() {
    Suite suite =
        Scripts.parse("t.yaml", "connect: ${sim.address}\nsteps:\n  - simulate: tcp-echo-server\n");

    assertThat(suite.tests().get(0).links()).containsKey(TestCase.DEFAULT_LINK);
  }

  @Test
  void aLinkWithAnUndefinedVariableIsAnError() {
    ScriptException e = error("connect: ${board}:5000\nsteps:\n  - send: hi\n");

    assertThat(e.getMessage()).startsWith("t.yaml:1:10: ${board} is not defined here");
  }

  @Test
  void aVariableFromANamedGroupIsDefinedForLaterSteps() {
    Suite suite =
        Scripts.parse("t.yaml", test("  - expect-regex: 'v(?<ver>\\d+)'\n  - send: '${ver}'\n"));

    assertThat(suite.tests().get(0).steps()).hasSize(2);
  }

  @Test
  void aVariableUsedBeforeItsSetStepIsAnError() {
    ScriptException e = error(test("  - send: '${x}'\n  - set: {x: 1}\n"));

    assertThat(e.location().line()).isEqualTo(4);
    assertThat(e.location().column()).isEqualTo(12);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not a ws url       | 'ws: http://127.0.0.1:1/'                                | 1 | 5  | ws: 'http://127.0.0.1:1/' is not a WebSocket URL; use ws://HOST:PORT/PATH
          tls on plain ws    | 'ws: ws://127.0.0.1:1/\ntls: {sni: board}'                | 1 | 5  | ws: tls: options are for wss:// URLs, and 'ws://127.0.0.1:1/' is ws://; use wss://
          unknown ws option  | 'ws: {url: ws://127.0.0.1:1/, proto: mqtt}'              | 1 | 30 | unknown ws option 'proto'; use url, subprotocol or headers
          ws without url     | 'ws: {subprotocol: mqtt}'                                | 1 | 1  | ws: needs a url, e.g. ws: {url: ws://HOST:PORT/PATH}
          bad subprotocol    | 'ws: {url: ws://127.0.0.1:1/, subprotocol: a b}'         | 1 | 43 | ws: subprotocol 'a b' is not a token
          bad header         | 'ws: {url: ws://127.0.0.1:1/, headers: {a b: x}}'        | 1 | 39 | ws: header name 'a b' is not a token
          tls on listen      | 'listen: 0\ntls: true'                                   | 2 | 1  | tls: is for connect: and ws: links, not listen:
          tls alone          | 'tls: true'                                              | 1 | 1  | tls: belongs beside a connect: or ws: link; add one
          unknown tls option | 'connect: 127.0.0.1:1\ntls: {verify: no}'                | 2 | 7  | unknown tls option 'verify'; use ca, insecure or sni
          ca and insecure    | 'connect: 127.0.0.1:1\ntls: {ca: x.pem, insecure: true}' | 2 | 18 | tls: insecure skips what ca is for; use one of them
          missing ca         | 'connect: 127.0.0.1:1\ntls: {ca: nowhere.pem}'           | 2 | 11 | ca: cannot read '
          named link tls     | 'links: {a: {listen: 0, tls: true}}'                     | 1 | 24 | tls: is for connect: and ws: links, not listen:
          two link kinds     | 'links: {a: {listen: 0, connect: 127.0.0.1:1}}'          | 1 | 12 | link 'a' needs exactly one of connect, listen, udp, ws or serial
          """)
  void linkErrors(String what, String link, int line, int column, String message) {
    ScriptException e = error(link.replace("\\n", "\n") + "\nsteps:\n  - wait: 1ms\n");

    assertThat(e.problem()).as(what).startsWith(message);
    assertThat(e.location())
        .as(what + ": " + e.getMessage())
        .isEqualTo(new Location("t.yaml", line, column));
  }

  @Test
  void badYamlNamesWhereTheParserStopped() {
    ScriptException e = error("name: t\nsteps:\n  - send: \"unclosed\n");

    assertThat(e.problem()).startsWith("not valid YAML (");
    assertThat(e.location().line()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aDuplicateKeyNamesBothLines() {
    ScriptException e = error("name: a\nname: b\nsteps: []\n");

    assertThat(e.getMessage())
        .isEqualTo("t.yaml:2:1: 'name' appears twice here (first at line 1); keep one");
  }

  @Test
  void anUnknownProfileListsTheProfiles() {
    ScriptException e = error(test("  - simulate: toaster\n"));

    assertThat(e.getMessage())
        .startsWith("t.yaml:4:15: simulate: unknown profile 'toaster'; use one of echo-client");
  }

  @Test
  void aSimulatedSerialBoardIsRefusedSinceAScriptGivesNoPortPath() {
    ScriptException e = error(test("  - simulate: serial-echo-board\n"));

    assertThat(e.getMessage())
        .startsWith("t.yaml:4:15: simulate: serial-echo-board needs a serial port's path, which a")
        .contains("--serial PATH");
  }

  @Test
  void aSimulatedClientMustFitItsLink() {
    String listen = "name: t\nlisten: 0\nsteps:\n  - simulate: ws-client\n";
    assertThat(error(listen).getMessage())
        .as("no HTTP upgrade into a TCP listen: link")
        .startsWith(
            "t.yaml:4:15: simulate: ws-client speaks WebSocket, and a script cannot listen");

    assertThat(error(test("  - simulate: echo-client\n")).getMessage())
        .isEqualTo(
            "t.yaml:4:15: simulate: echo-client connects over TCP, and the test's link is a"
                + " connect: link; give it a listen: link to connect to, or to: HOST:PORT");

    String udp = "name: t\nlisten: 0\nsteps:\n  - simulate: udp-client\n";
    assertThat(error(udp).getMessage()).contains("udp-client connects over UDP");

    Scripts.parse("t.yaml", "name: t\nlisten: 0\nsteps:\n  - simulate: echo-client\n");
    Scripts.parse("t.yaml", "name: t\nudp: {port: 0}\nsteps:\n  - simulate: udp-client\n");
    Scripts.parse("t.yaml", test("  - simulate: ws-client\n    to: 127.0.0.1:9\n"));
  }
}
