package dev.socketdesk.core.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socketdesk.core.event.EventRecord;
import dev.socketdesk.core.spec.ForwardSpec;
import dev.socketdesk.core.spec.TcpServerSpec;
import dev.socketdesk.core.spec.WebSocketClientSpec;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.Peer;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.WebSocketSession;
import dev.socketdesk.engine.simulate.Profile;
import dev.socketdesk.engine.simulate.Simulation;
import dev.socketdesk.engine.simulate.SimulationConfig;
import dev.socketdesk.engine.testing.EventRecorder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The recorder turns a session's events, or its log's records, into a script that replays. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ScriptRecorderTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Peer BOARD = new Peer(1, new InetSocketAddress("127.0.0.1", 5000));

  private static EventRecord data(long ms, boolean received, String text, int bytes) {
    byte[] data = text.getBytes(StandardCharsets.ISO_8859_1);
    return EventRecord.data(T0.plusMillis(ms), BOARD, received, bytes, data, null);
  }

  @Test
  void logRecordsBecomeStepsAndACutAnswerEndsItsExpect() {
    ScriptRecorder recorder = ScriptRecorder.client(new HostPort("127.0.0.1", 5000));
    recorder.add(EventRecord.connected(T0, BOARD));
    recorder.add(data(0, false, "AT\r\n", 4));
    recorder.add(data(10, true, "O", 1));
    recorder.add(data(20, true, "K\r\n", 3));
    recorder.add(data(30, false, "\u0001\u0003", 2));
    recorder.add(data(40, true, "long", 5000));
    recorder.add(data(41, true, "more", 4));
    recorder.add(data(500, false, "next", 4));
    recorder.add(EventRecord.closed(T0.plusMillis(600), BOARD, CloseReason.PEER_CLOSED));

    String yaml = recorder.yaml();
    assertThat(yaml)
        .contains(
            """
                  - send: 'AT\\r\\n'
                  - expect: 'OK\\r\\n'
                  - send-hex: 01 03
                  - expect: 'long'
                  - send: 'next'
                  - expect-close
            """);
    Suite suite = Scripts.parse("recorded.yaml", yaml);
    assertThat(suite.tests().get(0).steps()).hasSize(6);
  }

  @Test
  void thePeersCloseAfterWeEndedOurSideIsRecordedAsOurClose() {
    ScriptRecorder recorder = ScriptRecorder.client(new HostPort("127.0.0.1", 5000));
    recorder.add(EventRecord.connected(T0, BOARD));
    recorder.add(data(0, false, "hello\n", 6));
    recorder.endingOurSide();
    recorder.add(data(10, true, "hello\n", 6));
    recorder.add(EventRecord.closed(T0.plusMillis(20), BOARD, CloseReason.PEER_CLOSED));

    assertThat(recorder.yaml())
        .endsWith("      - send: 'hello\\n'\n      - expect: 'hello\\n'\n      - close\n");
  }

  @Test
  void aSendTheLogKeptOnlyTheStartOfIsRefusedInOneLine() {
    ScriptRecorder recorder = ScriptRecorder.client(new HostPort("127.0.0.1", 5000));
    recorder.add(EventRecord.connected(T0, BOARD));
    recorder.add(data(0, false, "AT\r\n", 4));

    assertThatThrownBy(() -> recorder.add(data(500, false, "cut", 2048)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the log kept only the first 3 of the 2048 bytes sent at ")
        .hasMessageEndingWith(
            ", and a test script must send them all; record this exchange with --record on the"
                + " command line, or clear the log and repeat it with shorter sends")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aCutSendToAnotherClientThanTheRecordedOneIsLeftOut() {
    Peer other = new Peer(2, new InetSocketAddress("127.0.0.1", 5001));
    ScriptRecorder recorder = ScriptRecorder.server(4000);
    recorder.add(data(0, false, "AT\r\n", 4));
    recorder.add(EventRecord.data(T0.plusMillis(5), other, false, 2048, new byte[] {'x'}, null));

    assertThat(recorder.yaml()).contains("      - send: 'AT\\r\\n'\n").doesNotContain("'x'");
  }

  @Test
  void sessionsNoScriptLinkOpensAreRefusedSayingWhatToRecordInstead() {
    assertThat(ScriptRecorder.cannotRecord("ws-server", false))
        .isEqualTo(
            "a ws-server session cannot be recorded as a test script: a script cannot listen for"
                + " WebSocket clients; record from the client side instead, a ws-client session to"
                + " this server");
    assertThat(ScriptRecorder.cannotRecord("forward", false))
        .isEqualTo(
            "a forward session cannot be recorded as a test script: a script talks to one peer,"
                + " it cannot stand between two; record from the client side instead, a tcp-client"
                + " session to the forward's target");
    assertThatThrownBy(() -> ScriptRecorder.of(new TcpServerSpec(null, 0, null, null, true), null))
        .hasMessage(
            "a tcp-server session with TLS cannot be recorded as a test script: a script's"
                + " listen: link has no TLS; record without TLS, or from the client side (a"
                + " tcp-client session with TLS)");
  }

  @Test
  void specsMapToTheirLinksAndTheRestIsRefusedInOneLine() {
    String ws =
        ScriptRecorder.of(
                new WebSocketClientSpec("wss://127.0.0.1:8443/ws", null, null, true), null)
            .yaml();
    assertThat(ws).contains("    ws: 'wss://127.0.0.1:8443/ws'\n    tls: {insecure: true}\n");
    assertThat(
            ScriptRecorder.of(
                    new TcpServerSpec(null, 0, null, null),
                    new InetSocketAddress("127.0.0.1", 4321))
                .yaml())
        .contains("    listen: 4321\n");
    assertThatThrownBy(
            () -> ScriptRecorder.of(new ForwardSpec(null, 0, "127.0.0.1:9", null, null), null))
        .hasMessage(ScriptRecorder.cannotRecord("forward", false));
    Scripts.parse("ws.yaml", ws);
  }

  @Test
  void aRecordedWebSocketExchangeReplaysGreen() throws Exception {
    try (Simulation board =
            new Simulation(
                SimulationConfig.builder(Profile.WS_ECHO_SERVER).bind("127.0.0.1", 0).build());
        Engine engine = Engine.create(1)) {
      RecordedClient recorded =
          RecordedClient.open(engine, board.start().get(10, TimeUnit.SECONDS).getPort());
      WebSocketSession client = recorded.client();
      EventRecorder events = recorded.events();
      client.send("status?".getBytes(StandardCharsets.UTF_8)).get(5, TimeUnit.SECONDS);
      events.skipTo(SessionEvent.Received.class);
      client.send(new byte[] {1, 3, (byte) 0xff}).get(5, TimeUnit.SECONDS);
      events.skipTo(SessionEvent.Received.class);
      client.close().get(5, TimeUnit.SECONDS);

      String yaml = recorded.recorder().yaml();
      assertThat(yaml).contains("- send: 'status?'\n").contains("- expect-hex: 01 03 FF\n");
      assertReplaysGreen(yaml);
    }
  }

  @Test
  void aBinaryWebSocketMessageOfPrintableBytesIsRecordedAsHexAndReplaysGreen() throws Exception {
    try (Simulation board =
            new Simulation(
                SimulationConfig.builder(Profile.WS_ECHO_SERVER).bind("127.0.0.1", 0).build());
        Engine engine = Engine.create(1)) {
      RecordedClient recorded =
          RecordedClient.open(engine, board.start().get(10, TimeUnit.SECONDS).getPort());
      WebSocketSession client = recorded.client();
      EventRecorder events = recorded.events();
      client.sendMessage(0, "ping".getBytes(StandardCharsets.UTF_8), true).get(5, TimeUnit.SECONDS);
      SessionEvent.Sent binary = events.skipTo(SessionEvent.Sent.class);
      events.skipTo(SessionEvent.Received.class);
      client
          .sendMessage(0, "pong".getBytes(StandardCharsets.UTF_8), false)
          .get(5, TimeUnit.SECONDS);
      SessionEvent.Sent text = events.skipTo(SessionEvent.Sent.class);
      events.skipTo(SessionEvent.Received.class);
      client.sendMessage(0, new byte[] {1, 3, 0, 0}, false).get(5, TimeUnit.SECONDS);
      events.skipTo(SessionEvent.Received.class);
      client.close().get(5, TimeUnit.SECONDS);

      assertThat(binary.kind()).isEqualTo("binary");
      assertThat(text.kind()).isEqualTo("text");
      assertThat(EventRecord.of(binary, null).kind()).isEqualTo("binary");
      String yaml = recorded.recorder().yaml();
      assertThat(yaml)
          .contains("- send-hex: 70 69 6E 67\n      - expect: 'ping'\n")
          .contains("- send: 'pong'\n      - expect: 'pong'\n")
          .contains("- send: '\\x01\\x03\\x00\\x00'\n      - expect-hex: 01 03 00 00\n");
      assertReplaysGreen(yaml);
    }
  }

  @Test
  void aTextMessageOfNonPrintableBytesStaysATextSendWithEscapes() {
    ScriptRecorder recorder = ScriptRecorder.webSocket("ws://127.0.0.1:9/");
    recorder.add(data(0, false, "\u0001\u0003\u0000\u0000", 4).withKind("text"));
    recorder.add(data(1, false, "\u0001\u0003", 2).withKind("binary"));

    assertThat(recorder.yaml())
        .contains("- send: '\\x01\\x03\\x00\\x00'\n      - send-hex: 01 03\n");
  }

  @Test
  void recordedTextsGiveBackTheirBytesWithoutFillingInVariablesOrPlaceholders() throws Exception {
    byte[] data = {
      '$',
      '{',
      'x',
      '}',
      '{',
      's',
      'e',
      'q',
      '}',
      (byte) 0xC3,
      (byte) 0xA9,
      0x7F,
      (byte) 0xFF,
      '\'',
      '\\',
      '\r',
      (byte) 0xE2,
      (byte) 0x80,
      (byte) 0xA8,
      '$'
    };
    String quoted = ScriptYaml.quotedText(data, true);
    assertThat(quoted).isEqualTo("'\\x24{x}\\x7Bseq}\u00e9\\x7F\\xFF''\\\\\\r\\xE2\\x80\\xA8$'");
    Suite suite =
        Scripts.parse(
            "t.yaml",
            "name: t\nudp: {port: 0, to: '127.0.0.1:9'}\nsteps:\n  - send: " + quoted + "\n");
    Step.Send send = (Step.Send) suite.tests().get(0).steps().get(0);
    assertThat(dev.socketdesk.engine.codec.Escapes.encode(send.payload(), StandardCharsets.UTF_8))
        .isEqualTo(data);
  }

  @Test
  void aLogRecordOfABinarySendIsRecordedAsHex() {
    ScriptRecorder recorder = ScriptRecorder.webSocket("ws://127.0.0.1:9/");
    recorder.add(data(0, false, "ping", 4).withKind("binary"));
    recorder.add(data(1, false, "pong", 4).withKind("text"));

    assertThat(recorder.yaml()).contains("- send-hex: 70 69 6E 67\n      - send: 'pong'\n");
  }

  /** The recorded script, run, passes. */
  private static void assertReplaysGreen(String yaml) {
    RunReport report =
        new ScriptRunner(RunSettings.defaults())
            .run(List.of(Scripts.parse("recorded.yaml", yaml)), RunListener.NONE);
    TestResult r = report.tests().get(0);
    assertThat(r.status()).as("%s\n%s", r.failure(), r.transcript()).isEqualTo(Status.PASSED);
  }

  /** An open WebSocket client of the board at a port, heard by a script recorder and by events. */
  private record RecordedClient(
      ScriptRecorder recorder, WebSocketSession client, EventRecorder events) {
    static RecordedClient open(Engine engine, int port) throws Exception {
      WebSocketClientSpec spec =
          new WebSocketClientSpec("ws://127.0.0.1:" + port + "/board", null, null, null);
      RecordedClient recorded =
          new RecordedClient(
              ScriptRecorder.of(spec, null),
              (WebSocketSession) spec.create(engine, AutoActions.NONE),
              new EventRecorder());
      recorded.client.addListener(recorded.recorder);
      recorded.client.addListener(recorded.events);
      recorded.client.open().get(10, TimeUnit.SECONDS);
      return recorded;
    }
  }
}
