package dev.socketdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socketdesk.engine.testing.EventRecorder;
import dev.socketdesk.engine.testing.ExternalTools;
import dev.socketdesk.engine.testing.TestCertificates;
import dev.socketdesk.engine.testing.ToolProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebSocket sessions against Python's {@code websockets} (Debian's python3-websockets) as client
 * and as server: text, binary, fragments, ping, close codes, 16 MiB, wss://, the size limit.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebSocketTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String PYTHON = "/usr/bin/python3";

  @TempDir Path dir;
  private Path script;

  @BeforeEach
  void script() throws IOException {
    script = dir.resolve("ws_peer.py");
    try (InputStream in = WebSocketTest.class.getResourceAsStream("ws_peer.py")) {
      Files.copy(in, script);
    }
  }

  private void requirePython() {
    ExternalTools.require("python3", "python3-websockets");
    ExternalTools.run(List.of(PYTHON, "-c", "import websockets"), 20);
  }

  private ToolProcess python(String... args) {
    List<String> command = new ArrayList<>(List.of(PYTHON, script.toString()));
    command.addAll(Arrays.asList(args));
    return ToolProcess.start(command);
  }

  @Test
  void pythonClientAgainstServer() throws Exception {
    requirePython();
    try (Engine engine = Engine.create(2)) {
      EventRecorder events = new EventRecorder();
      WebSocketSession server =
          engine.webSocketServer(
              WebSocketServerConfig.listen("127.0.0.1", 0, "/ws")
                  .withActions(AutoActions.echo(new byte[0])));
      server.addListener(events);
      int port = server.open().get(10, TimeUnit.SECONDS).getPort();
      try (ToolProcess client = python("client", "ws://127.0.0.1:" + port + "/ws", "basics")) {
        client.await("ECHO text hello", WAIT);
        client.await("ECHO binary 0001ff", WAIT);
        client.await("ECHO text part1-part2-part3", WAIT);
        client.await("PONG", WAIT);
        client.await("CLOSED 4001", WAIT);
      }
      events.skipTo(SessionEvent.Connected.class);
      assertThat(events.next(SessionEvent.Notice.class).message()).startsWith("WebSocket /ws");
      SessionEvent.Received text = events.skipTo(SessionEvent.Received.class);
      assertThat(text.kind()).isEqualTo("text");
      assertThat(new String(text.data(), StandardCharsets.UTF_8)).isEqualTo("hello");
      SessionEvent.Received binary = events.skipTo(SessionEvent.Received.class);
      assertThat(binary.kind()).isEqualTo("binary");
      assertThat(binary.data()).containsExactly(0, 1, 0xff);
      SessionEvent.Received fragments = events.skipTo(SessionEvent.Received.class);
      assertThat(new String(fragments.data(), StandardCharsets.UTF_8))
          .as("fragments reassembled into one message")
          .isEqualTo("part1-part2-part3");
      assertThat(events.skipTo(SessionEvent.Notice.class).message())
          .isEqualTo("ping received (3 B), pong sent");
      assertThat(events.skipTo(SessionEvent.Notice.class).message())
          .isEqualTo("close received: 4001 \"bye\"");
      SessionEvent.Disconnected gone = events.skipTo(SessionEvent.Disconnected.class);
      assertThat(gone.reason()).isEqualTo(CloseReason.PEER_CLOSED);
      assertThat(server.counters().bytesIn()).isEqualTo(5 + 3 + 17);
    }
  }

  @Test
  void sixteenMebibytesEachWayOverWss() throws Exception {
    requirePython();
    TestCertificates certs = new TestCertificates(dir, "ws");
    TestCertificates.Pair leaf = certs.leaf("server");
    try (Engine engine = Engine.create(2)) {
      EventRecorder events = new EventRecorder();
      WebSocketSession server =
          engine.webSocketServer(
              WebSocketServerConfig.listen("127.0.0.1", 0, "/big")
                  .withActions(AutoActions.echo(new byte[0]))
                  .withTls(TlsConfig.server(leaf.cert(), leaf.key())));
      server.addListener(events);
      int port = server.open().get(10, TimeUnit.SECONDS).getPort();
      try (ToolProcess client =
          python("client", "wss://localhost:" + port + "/big", "big", certs.caFile().toString())) {
        client.await("BIG binary 16777216 True", WAIT);
      }
      events.skipTo(SessionEvent.Connected.class);
      assertThat(events.next(SessionEvent.Notice.class).message()).startsWith("TLSv1.3");
      assertThat(events.next(SessionEvent.Notice.class).message()).startsWith("WebSocket /big");
      SessionEvent.Received big = events.skipTo(SessionEvent.Received.class);
      assertThat(big.data()).hasSize(16 << 20);
    }
  }

  @Test
  void overTheLimitClosesWith1009() throws Exception {
    requirePython();
    try (Engine engine = Engine.create(1)) {
      EventRecorder events = new EventRecorder();
      WebSocketSession server =
          engine.webSocketServer(
              WebSocketServerConfig.listen("127.0.0.1", 0, "/").withMaxMessageBytes(1000));
      server.addListener(events);
      int port = server.open().get(10, TimeUnit.SECONDS).getPort();
      for (String scenario : List.of("too-big", "too-big-fragments")) {
        try (ToolProcess client = python("client", "ws://127.0.0.1:" + port + "/", scenario)) {
          client.await("CLOSED 1009", WAIT);
        }
        SessionEvent.Error tooBig = events.skipTo(SessionEvent.Error.class);
        assertThat(tooBig.message())
            .as("the event names the peer; its line does not repeat it")
            .isEqualTo(
                "a message is over the limit of 1000 bytes: closed with 1009 (message too big);"
                    + " raise the maximum message size");
        assertThat(tooBig.code()).isEqualTo("message-too-big");
        assertThat(tooBig.params())
            .containsEntry("peer", tooBig.peer().toString())
            .containsEntry("max", "1000");
        events.skipTo(SessionEvent.Disconnected.class);
      }
    }
  }

  @Test
  void anUnmaskedFrameFromAClientIsOneProtocolErrorNamingThePeerOnce() throws Exception {
    try (Engine engine = Engine.create(1)) {
      EventRecorder events = new EventRecorder();
      WebSocketSession server =
          engine.webSocketServer(WebSocketServerConfig.listen("127.0.0.1", 0, "/"));
      server.addListener(events);
      int port = server.open().get(10, TimeUnit.SECONDS).getPort();
      try (java.net.Socket client = new java.net.Socket("127.0.0.1", port)) {
        client.setSoTimeout(10_000);
        client
            .getOutputStream()
            .write(
                ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        events.skipTo(SessionEvent.Connected.class);
        client.getOutputStream().write(new byte[] {(byte) 0x81, 2, 'h', 'i'});
        SessionEvent.Error error = events.skipTo(SessionEvent.Error.class);
        assertThat(error.code()).isEqualTo("websocket-protocol");
        assertThat(error.message())
            .as("the event names the peer; its line does not repeat it")
            .startsWith("the peer broke the WebSocket protocol (")
            .doesNotContain("127.0.0.1");
        assertThat(error.params()).containsEntry("peer", error.peer().toString());
        events.skipTo(SessionEvent.Disconnected.class);
      }
    }
  }

  @Test
  void clientAgainstPythonServer() throws Exception {
    requirePython();
    try (Engine engine = Engine.create(1);
        ToolProcess server = python("server", "0")) {
      int port = Integer.parseInt(server.await("LISTENING (\\d+)", WAIT));
      EventRecorder events = new EventRecorder();
      WebSocketSession client =
          engine.webSocketClient(
              WebSocketClientConfig.connect("ws://127.0.0.1:" + port + "/board?id=7")
                  .withSubprotocols(List.of("chat"))
                  .withHeaders(List.of(WebSocketClientConfig.Header.parse("X-Board: esp32"))));
      client.addListener(events);
      client.open().get(10, TimeUnit.SECONDS);
      server.await("OPEN /board\\?id=7 chat esp32", WAIT);
      events.skipTo(SessionEvent.Connected.class);
      assertThat(events.next(SessionEvent.Notice.class).message())
          .isEqualTo("WebSocket /board?id=7, subprotocol chat (max message 16777216 B)");

      client.send(utf8("hello")).get(5, TimeUnit.SECONDS);
      assertReceived(events, "text", utf8("hello"));
      client.send(new byte[] {(byte) 0xff, 0, 1}).get(5, TimeUnit.SECONDS);
      server.await("GOT binary 3", WAIT);
      assertReceived(events, "binary", new byte[] {(byte) 0xff, 0, 1});
      client.send(utf8("fragments")).get(5, TimeUnit.SECONDS);
      assertReceived(events, "text", utf8("abc"));
      client.send(utf8("ping-me")).get(5, TimeUnit.SECONDS);
      assertThat(events.skipTo(SessionEvent.Notice.class).message())
          .isEqualTo("ping received (3 B), pong sent");
      client.ping(0, utf8("x")).get(5, TimeUnit.SECONDS);
      assertThat(events.skipTo(SessionEvent.Notice.class).message()).isEqualTo("ping sent (1 B)");
      assertThat(events.skipTo(SessionEvent.Notice.class).message())
          .startsWith("pong received (1 B) after ");
      client.send(utf8("big")).get(5, TimeUnit.SECONDS);
      SessionEvent.Received big = events.skipTo(SessionEvent.Received.class);
      assertThat(big.kind()).isEqualTo("binary");
      assertThat(big.data()).hasSize(16 << 20);

      client.closeWith(0, 1001, "going away").get(5, TimeUnit.SECONDS);
      server.await("CLOSED 1001 going away", WAIT);
      assertThat(events.skipTo(SessionEvent.Notice.class).message())
          .isEqualTo("close sent: 1001 (going away) \"going away\"");
      assertThat(notice(events, "close").message()).startsWith("close received: 1001 (going away)");
      assertThat(events.skipTo(SessionEvent.Disconnected.class).reason())
          .isEqualTo(CloseReason.LOCAL);
    }
  }

  @Test
  void serverClosesWithACodeAndWssClientVerifies() throws Exception {
    requirePython();
    TestCertificates certs = new TestCertificates(dir, "wss");
    TestCertificates.Pair leaf = certs.leaf("server");
    try (Engine engine = Engine.create(1);
        ToolProcess server = python("server", "0", leaf.cert().toString(), leaf.key().toString())) {
      int port = Integer.parseInt(server.await("LISTENING (\\d+)", WAIT));
      EventRecorder events = new EventRecorder();
      WebSocketSession client =
          engine.webSocketClient(
              WebSocketClientConfig.connect("wss://localhost:" + port + "/")
                  .withTls(TlsConfig.client().withTrustedCa(certs.caFile())));
      client.addListener(events);
      client.open().get(10, TimeUnit.SECONDS);
      events.skipTo(SessionEvent.Connected.class);
      assertThat(events.next(SessionEvent.Notice.class).message()).startsWith("TLSv1.3");
      client.send(utf8("close-me")).get(5, TimeUnit.SECONDS);
      assertThat(notice(events, "close").message()).isEqualTo("close received: 4002 \"done\"");
      assertThat(events.skipTo(SessionEvent.Disconnected.class).reason())
          .isEqualTo(CloseReason.PEER_CLOSED);
    }
  }

  @Test
  void serverSendsToOneOrAllAndDisconnectsOne() throws Exception {
    try (Engine engine = Engine.create(2)) {
      Listening listening = Listening.open(engine);
      WebSocketSession server = listening.server();
      EventRecorder serverEvents = listening.events();
      EventRecorder one = new EventRecorder();
      EventRecorder two = new EventRecorder();
      for (EventRecorder r : List.of(one, two)) {
        listening.accepted(engine, r);
      }
      server.send(2, utf8("to two")).get(5, TimeUnit.SECONDS);
      assertReceived(two, "text", utf8("to two"));
      server.send(utf8("to all")).get(5, TimeUnit.SECONDS);
      assertReceived(one, "text", utf8("to all"));
      assertReceived(two, "text", utf8("to all"));
      server.disconnect(1).get(5, TimeUnit.SECONDS);
      assertThat(one.skipTo(SessionEvent.Notice.class).message())
          .isEqualTo("close received: 1000 (normal closure)");
      assertThat(serverEvents.skipTo(SessionEvent.Disconnected.class).peer().id()).isEqualTo(1);
      assertThat(server.peers()).hasSize(1);
    }
  }

  @Test
  void closingAClientSessionSendsANormalClose() throws Exception {
    try (Engine engine = Engine.create(2)) {
      Listening listening = Listening.open(engine);
      EventRecorder serverEvents = listening.events();
      WebSocketSession client = listening.accepted(engine, new EventRecorder());

      client.close().get(10, TimeUnit.SECONDS);
      SessionEvent.Notice close = serverEvents.skipTo(SessionEvent.Notice.class);
      while (!close.kind().equals("close")) {
        close = serverEvents.skipTo(SessionEvent.Notice.class);
      }
      assertThat(close.message())
          .as("a closed session says goodbye: the server reads 1000, not a lost connection")
          .isEqualTo("close received: 1000 (normal closure)");
    }
  }

  @Test
  void sendMessageChoosesTheKindWhateverTheBytes() throws Exception {
    try (Engine engine = Engine.create(2)) {
      Listening listening = Listening.open(engine);
      WebSocketSession server = listening.server();
      EventRecorder serverEvents = listening.events();
      EventRecorder clientEvents = new EventRecorder();
      WebSocketSession client = listening.accepted(engine, clientEvents);

      client.sendMessage(0, utf8("AT"), true).get(5, TimeUnit.SECONDS);
      assertReceived(serverEvents, "binary", utf8("AT"));
      assertThat(clientEvents.skipTo(SessionEvent.Sent.class).data()).isEqualTo(utf8("AT"));
      client.sendMessage(0, utf8("OK"), false).get(5, TimeUnit.SECONDS);
      assertReceived(serverEvents, "text", utf8("OK"));
      client.sendMessage(0, new byte[0], true).get(5, TimeUnit.SECONDS);
      assertReceived(serverEvents, "binary", new byte[0]);
      server.sendMessage(0, utf8("to all"), true).get(5, TimeUnit.SECONDS);
      assertReceived(clientEvents, "binary", utf8("to all"));
      assertThat(client.counters().bytesOut()).isEqualTo(4);
    }
  }

  @Test
  void wrongPathAndPlainHttpAreRefusedInOneLine() throws Exception {
    try (Engine engine = Engine.create(1)) {
      Listening listening = Listening.open(engine);
      WebSocketSession server = listening.server();
      EventRecorder events = listening.events();
      WebSocketSession client =
          engine.webSocketClient(
              WebSocketClientConfig.connect("ws://127.0.0.1:" + listening.port() + "/other"));
      assertThatThrownBy(() -> client.open().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .hasMessageContaining("refused the WebSocket upgrade (HTTP 404 Not Found)");
      assertThat(events.skipTo(SessionEvent.Error.class).message())
          .contains("asked for /other, but this server serves WebSocket at /ws");
      assertThat(server.peers()).isEmpty();
    }
  }

  @Test
  void badSettingsNameTheValue() {
    assertThatThrownBy(() -> WebSocketClientConfig.connect("http://x/"))
        .hasMessage(
            "'http://x/' is not a WebSocket URL; use ws://HOST:PORT/PATH or wss://HOST:PORT/PATH");
    assertThatThrownBy(() -> WebSocketClientConfig.Header.parse("NoColon"))
        .hasMessageContaining("has no 'Name: value' form");
    assertThatThrownBy(() -> WebSocketServerConfig.listen(null, 0, "ws"))
        .hasMessageContaining("use one that starts with /");
    WebSocketClientConfig wss = WebSocketClientConfig.connect("wss://[::1]/x");
    assertThat(wss.remote()).isEqualTo(new HostPort("::1", 443));
    assertThat(wss.tls()).isNotNull();
  }

  private static SessionEvent.Notice notice(EventRecorder events, String kind) {
    while (true) {
      SessionEvent.Notice n = events.skipTo(SessionEvent.Notice.class);
      if (n.kind().equals(kind)) {
        return n;
      }
    }
  }

  private static void assertReceived(EventRecorder events, String kind, byte[] data) {
    SessionEvent.Received r = events.skipTo(SessionEvent.Received.class);
    assertThat(r.kind()).isEqualTo(kind);
    assertThat(r.data()).isEqualTo(data);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A WebSocket server on 127.0.0.1 serving {@code /ws}, open, heard by {@code events}. */
  private record Listening(WebSocketSession server, EventRecorder events, int port) {
    static Listening open(Engine engine) throws Exception {
      WebSocketSession server =
          engine.webSocketServer(WebSocketServerConfig.listen("127.0.0.1", 0, "/ws"));
      EventRecorder events = new EventRecorder();
      server.addListener(events);
      return new Listening(server, events, server.open().get(10, TimeUnit.SECONDS).getPort());
    }

    /** A client of {@code /ws} heard by {@code clientEvents}, open, once the server has it. */
    WebSocketSession accepted(Engine engine, EventRecorder clientEvents) throws Exception {
      WebSocketSession client =
          engine.webSocketClient(WebSocketClientConfig.connect("ws://127.0.0.1:" + port + "/ws"));
      client.addListener(clientEvents);
      client.open().get(10, TimeUnit.SECONDS);
      events.skipTo(SessionEvent.Connected.class);
      return client;
    }
  }
}
