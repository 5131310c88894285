package dev.socketdesk.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.TrafficEdit;
import dev.socketdesk.engine.codec.LineEnding;
import dev.socketdesk.engine.codec.SendFormat;
import dev.socketdesk.engine.simulate.Profile;
import dev.socketdesk.engine.simulate.SimulationConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(10)
class SessionSpecsTest {

  @Test
  void aFormBodyWithNumbersAsTextIsASpecThatSurvivesItsJson() {
    SessionSpec spec =
        SessionSpecs.readJson(
            "{\"type\":\"TCP_SERVER\",\"localHost\":\""
                + " \",\"localPort\":\"8105\",\"maxClients\":\"3\","
                + "\"remote\":\"\",\"reconnect\":false}",
            SessionSpec.class);
    assertThat(spec).isEqualTo(new TcpServerSpec(null, 8105, 3, 4096));
    assertThat(SessionSpecs.readJson(SessionSpecs.toJson(spec), SessionSpec.class)).isEqualTo(spec);
    assertThat(SessionSpecs.toTree(spec).get("type").asText()).isEqualTo("tcp-server");
  }

  @Test
  void serialAndForwardSpecsFillTheirDefaultsAndSurviveTheirJson() {
    SessionSpec serial =
        SessionSpecs.readJson(
            "{\"type\":\"serial\",\"path\":\"/dev/ttyUSB0\",\"baud\":9600,\"parity\":\"EVEN\"}",
            SessionSpec.class);
    assertThat(serial)
        .isEqualTo(
            new SerialSpec("/dev/ttyUSB0", 9600, 8, "even", "1", "none", true, true, false, 240));
    assertThat(((SerialSpec) serial).config(null).frame()).isEqualTo("8E1");
    assertThat(SessionSpecs.readJson(SessionSpecs.toJson(serial), SessionSpec.class))
        .isEqualTo(serial);

    SessionSpec forward =
        SessionSpecs.readJson(
            "{\"type\":\"forward\",\"localPort\":\"4000\",\"target\":\"serial:/dev/ttyUSB0?baud=57600\"}",
            SessionSpec.class);
    assertThat(((ForwardSpec) forward).config(null).target())
        .hasToString("serial:/dev/ttyUSB0 57600 8N1");
    assertThat(SessionSpecs.readJson(SessionSpecs.toJson(forward), SessionSpec.class))
        .isEqualTo(forward);
  }

  @Test
  void aClientTimeoutIsSecondsOrADuration() {
    TcpClientSpec seconds =
        (TcpClientSpec)
            SessionSpecs.readJson(
                "{\"type\":\"tcp-client\",\"remote\":\"[::1]:5000\",\"connectTimeoutS\":\"0.5\"}",
                SessionSpec.class);
    assertThat(seconds.connectTimeoutS()).isEqualTo(Duration.ofMillis(500));
    assertThat(seconds.remote()).isEqualTo(new HostPort("::1", 5000));
    TcpClientSpec text =
        (TcpClientSpec)
            SessionSpecs.readYaml(
                "type: tcp-client\nremote: 127.0.0.1:9\nconnectTimeout: 250ms\nreconnect: true\n",
                SessionSpec.class);
    assertThat(text.connectTimeoutS()).isEqualTo(Duration.ofMillis(250));
    assertThat(text.reconnects()).isTrue();
    assertThat(SessionSpecs.readJson(SessionSpecs.toJson(text), SessionSpec.class)).isEqualTo(text);
  }

  @Test
  void aForwardsEditsBecomeTheEnginesAndSurviveTheirJson() {
    SessionSpec forward =
        SessionSpecs.readJson(
            """
            {"type":"forward","target":"127.0.0.1:9","edits":[
              {"direction":"to-target","match":"AT\\\\+RST","replacement":"AT"},
              {"direction":"TO-CLIENT","match":"FF 00","hex":true}]}
            """,
            SessionSpec.class);
    List<TrafficEdit> edits = ((ForwardSpec) forward).config(null).edits();
    assertThat(edits).hasSize(2);
    assertThat(edits.get(0).direction()).isEqualTo(TrafficEdit.Direction.TO_TARGET);
    assertThat(edits.get(0).rule().regex().pattern()).isEqualTo("AT\\+RST");
    assertThat(edits.get(0).rule().response()).isEqualTo("AT".getBytes(StandardCharsets.UTF_8));
    assertThat(edits.get(1).direction()).isEqualTo(TrafficEdit.Direction.TO_CLIENT);
    assertThat(edits.get(1).rule().pattern()).containsExactly(0xFF, 0x00);
    assertThat(edits.get(1).drops()).isTrue();
    assertThat(SessionSpecs.readJson(SessionSpecs.toJson(forward), SessionSpec.class))
        .isEqualTo(forward);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [1]                                                  |                  | the body must be a JSON object
          {"type":"tcp-server"                                 |                  | the request body is not valid JSON
          {}                                                   | type             | type is missing
          {"type":"robot"}                                     | type             | type 'robot' is unknown; use tcp-server, tcp-client, udp, serial, forward, ws-server or ws-client
          {"type":5}                                           | type             | type must be text
          {"type":"tcp-server","localPort":"８１０５"}          | localPort        | localPort '８１０５' is not a whole number; write it with the ASCII digits 0-9
          {"type":"tcp-server","localPort":70000}              | localPort        | localPort 70000 is out of range; use 0 to 65535
          {"type":"tcp-server","localPort":1.5}                | localPort        | localPort 1.5 is not a whole number
          {"type":"tcp-server","localPort":9.2e18}             | localPort        | localPort 9.2E18 is too large
          {"type":"tcp-server","localPort":{}}                 | localPort        | localPort must be a whole number, not an object
          {"type":"tcp-server","maxClients":-1}                | maxClients       | maxClients -1 is out of range; use 0 to 1000000
          {"type":"tcp-client","remote":"127.0.0.1:9","reconnect":"yes"} | reconnect | reconnect must be true or false, not text
          {"type":"tcp-client"}                                | remote           | remote is missing
          {"type":"tcp-client","remote":"nohost"}              | remote           | address 'nohost' has no port
          {"type":"tcp-client","remote":"a:0"}                 | remote           | port 0 is out of range; use a port from 1 to 65535
          {"type":"tcp-client","remote":"a:1","connectTimeoutS":"abc"} | connectTimeoutS | connectTimeoutS 'abc' is not a duration
          {"type":"tcp-client","remote":"a:1","connectTimeoutS":601} | connectTimeoutS | connectTimeoutS 601s is too long; use at most 10m
          {"type":"tcp-client","remote":"a:1","connectTimeoutS":0} | connectTimeoutS | connectTimeoutS 0ms is too short
          {"type":"udp","multicast":"239.1.1.1, 10.0.0.1"}     | multicast        | 10.0.0.1 is not a multicast address
          {"type":"udp","multicast":[["x"]]}                   | multicast[0]     | multicast[0] must be text, not a list
          {"type":"serial"}                                    | path             | path is missing
          {"type":"serial","path":"/dev/ttyS0","parity":"high"} | parity          | parity 'high' is not one of none, odd, even, mark, space
          {"type":"serial","path":"/dev/ttyS0","stopBits":"3"} | stopBits         | stop bits '3' is not 1, 1.5 or 2
          {"type":"serial","path":"/dev/ttyS0","dataBits":9}   | dataBits         | dataBits 9 is out of range; use 5 to 8
          {"type":"serial","path":"/dev/ttyS0","baud":0}       | baud             | baud 0 is not a speed
          {"type":"forward","localPort":4000}                  | target           | target is missing
          {"type":"forward","target":"mqtt://cloud:1883"}      | target           | mqtt:// is not a kind of target
          {"type":"forward","target":"a:1","insecure":true}    | insecure         | applies to a tls:// or wss:// target only
          {"type":"forward","target":"a:1","edits":[{"direction":"up","match":"x"}]} | edits[0].direction | direction 'up' is not to-target or to-client
          {"type":"forward","target":"a:1","edits":[{"direction":"to-client","match":"("}]} | edits[0].match | is not a valid regex
          {"type":"forward","target":"a:1","edits":[{"direction":"to-client","match":"x","replacement":"4G","replacementHex":true}]} | edits[0].replacement | malformed hex
          """)
  void everyMistakeNamesItsField(String body, String field, String message) {
    SpecException e =
        catchThrowableOfType(
            SpecException.class, () -> SessionSpecs.readJson(body, SessionSpec.class));
    assertThat(e).as(body).isNotNull();
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).contains(message).doesNotContain("\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"rules":"ping=>pong"}                 | rules            | rules must be a list, not text
          {"rules":["ping"]}                     | rules[0]         | rules[0] must be an object, not text
          {"rules":[null]}                       | rules[0]         | rules[0] must be an object, not null
          {"rules":[{"match":""}]}               | rules[0].match   | rules[0].match is empty
          {"rules":[{"match":"("}]}              | rules[0].match   | is not a valid regex
          {"rules":[{"match":"zz","hex":true}]}  | rules[0].match   | zz
          {"echo":"on"}                          | echo             | echo must be true or false, not text
          {"encoding":"klingon"}                 | encoding         | klingon
          """)
  void automaticActionsNameTheirField(String body, String field, String message) {
    SpecException e =
        catchThrowableOfType(
            SpecException.class,
            () -> SessionSpecs.readJson(body, AutoActionsSpec.class).actions());
    assertThat(e).as(body).isNotNull();
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).contains(message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"intervalMs":9.2e18}         | intervalMs | is too long; use at most 24h
          {"intervalMs":0}              | intervalMs | intervalMs 0ms is too short; use at least 1ms
          {"count":-1}                  | count      | count -1 is out of range
          {"lineEnding":"lfcr"}         | lineEnding | unknown line ending 'lfcr'
          {"mode":"binary"}             | mode       | unknown payload mode 'binary'
          {"checksum":7}                | checksum   | checksum must be text, not a number
          """)
  void periodicSendsNameTheirField(String body, String field, String message) {
    SpecException e =
        catchThrowableOfType(
            SpecException.class,
            () -> {
              SendFormatSpec format = SessionSpecs.readJson(body, SendFormatSpec.class);
              SessionSpecs.readJson(body, PeriodicSpec.class).periodic(format.format());
            });
    assertThat(e).as(body).isNotNull();
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).contains(message);
  }

  @Test
  void theSensorProfileEndsItsReadingsWithLfUnlessTold() {
    SimulationSpec spec =
        SessionSpecs.readJson(
            "{\"profile\":\"sensor\",\"target\":\"127.0.0.1:9\",\"intervalMs\":\"250\"}",
            SimulationSpec.class);
    assertThat(spec.intervalMs()).isEqualTo(Duration.ofMillis(250));
    SendFormatSpec none = SessionSpecs.readJson("{}", SendFormatSpec.class);
    assertThat(spec.payloadFormat(none.format()).lineEnding()).isEqualTo(LineEnding.LF);
    SendFormatSpec crlf = SessionSpecs.readJson("{\"lineEnding\":\"crlf\"}", SendFormatSpec.class);
    assertThat(spec.payloadFormat(crlf.format()).lineEnding()).isEqualTo(LineEnding.CRLF);
    assertThat(spec.config(none.format()).profile()).isEqualTo(Profile.SENSOR);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"profile":"robot"}                                     | profile   | unknown profile 'robot'
          {"profile":"echo-client"}                               | target    | echo-client needs a target
          {"profile":"tcp-echo-server"}                           | port      | tcp-echo-server listens on a port
          {"profile":"echo-client","target":"x:1","count":0}      | count     | count 0 is out of range
          {"profile":"echo-client","target":"x:1","ramp":"-1"}    | ramp      | ramp -1.0 is not valid
          {"profile":"echo-client","target":"x:1","ramp":"１"}    | ramp      | ASCII digits
          {"profile":"echo-client","target":"x:1","durationS":90000} | durationS | durationS 25h is too long; use at most 24h
          {"profile":"echo-client","target":"x:1","payloads":[{}]} | payloads[0] | must be text
          """)
  void simulationMistakesNameTheirField(String body, String field, String message) {
    SpecException e =
        catchThrowableOfType(
            SpecException.class, () -> SessionSpecs.readJson(body, SimulationSpec.class));
    assertThat(e).as(body).isNotNull();
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.getMessage()).contains(message);
  }

  @Test
  void aSimulationBuiltFromOptionsGivesTheEngineItsConfig() {
    SimulationSpec spec =
        new SimulationSpec(
            Profile.PERIODIC_CLIENT,
            null,
            new HostPort("127.0.0.1", 9),
            null,
            null,
            1,
            0.0,
            Duration.ofMillis(50),
            null,
            2L,
            List.of("dev {id} #{seq}"),
            null,
            null,
            null,
            null,
            false,
            Duration.ofSeconds(5),
            null);
    SimulationConfig config =
        spec.config(SendFormat.text(StandardCharsets.UTF_8).withLineEnding(LineEnding.LF));
    assertThat(config.interval()).isEqualTo(Duration.ofMillis(50));
    assertThat(config.messages()).isEqualTo(2);
    assertThat(config.duration()).isNull();
    assertThat(config.target()).isEqualTo(new HostPort("127.0.0.1", 9));
  }

  @Test
  void yamlRefusesUnknownKeys() {
    SpecException e =
        catchThrowableOfType(
            SpecException.class,
            () -> SessionSpecs.readYaml("type: udp\nlocalPrt: 5\n", SessionSpec.class));
    assertThat(e.field()).isEqualTo("localPrt");
    assertThat(
            SessionSpecs.readYaml(
                "type: udp\nlocalPort: 6000\nmulticast: [239.1.1.1]\n", SessionSpec.class))
        .isEqualTo(new UdpSpec(null, 6000, null, false, List.of("239.1.1.1"), null));
  }

  @ParameterizedTest
  @CsvSource({"500ms,500", "1.5s,1500", "2m,120000", "1h,3600000", "3,3000", "0.0004s,0"})
  void durationsReadTheirUnits(String text, long millis) {
    assertThat(Durations.parse(text, "every", Durations.MAX_INTERVAL).toMillis()).isEqualTo(millis);
    assertThat(
            Durations.parse(
                Durations.format(Duration.ofMillis(millis)), "x", Durations.MAX_INTERVAL))
        .isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void durationsBeyondTheirMaximumAreRefused() {
    SpecException e =
        catchThrowableOfType(
            SpecException.class,
            () -> Durations.parse("11m", "connect timeout", Durations.MAX_CONNECT_TIMEOUT));
    assertThat(e.getMessage()).isEqualTo("connect timeout '11m' is too long; use at most 10m");
    assertThat(e.describe("--connect-timeout"))
        .isEqualTo("--connect-timeout '11m' is too long; use at most 10m");
  }
}
