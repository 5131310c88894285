package dev.socketdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.testing.EventRecorder;
import dev.socketdesk.engine.testing.ExternalTools;
import dev.socketdesk.engine.testing.ToolProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A plain TCP session whose peer speaks TLS shows the bytes as data and one {@code tls-expected}
 * hint: a plain client answered with a TLS alert, a plain server reached by {@code openssl
 * s_client}.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PlainPeerSpeaksTlsTest {
  private static final byte[] ALERT = HexFormat.of().parseHex("15030300020246");

  @Test
  void aPlainClientAnsweredWithATlsAlertGetsTheHintAfterTheBytes() throws Exception {
    try (Engine engine = Engine.create(1);
        ServerSocket tlsLike = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> server =
          CompletableFuture.runAsync(
              () -> {
                try (Socket s = tlsLike.accept()) {
                  s.getInputStream().read();
                  s.getOutputStream().write(ALERT);
                  s.getInputStream().read();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      EventRecorder events = new EventRecorder();
      Session client =
          engine.tcpClient(
              TcpClientConfig.connect(new HostPort("127.0.0.1", tlsLike.getLocalPort())));
      client.addListener(events);
      client.open().get(10, TimeUnit.SECONDS);
      events.skipTo(SessionEvent.Connected.class);
      client.send("GET / HTTP/1.0\r\n\r\n".getBytes()).get(5, TimeUnit.SECONDS);
      assertThat(events.skipTo(SessionEvent.Received.class).data()).isEqualTo(ALERT);
      SessionEvent.Error hint = events.next(SessionEvent.Error.class);
      assertThat(hint.code()).isEqualTo("tls-expected");
      assertThat(hint.message())
          .isEqualTo(
              "127.0.0.1:"
                  + tlsLike.getLocalPort()
                  + " answered with a TLS alert (the bytes above): it speaks TLS on this port;"
                  + " connect with TLS");
      assertThat(hint.params()).containsEntry("peer", "127.0.0.1:" + tlsLike.getLocalPort());
      client.close().get(5, TimeUnit.SECONDS);
      server.get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aPlainServerReachedByOpensslSClientGetsTheHintOnce() throws Exception {
    ExternalTools.require("openssl", "openssl");
    try (Engine engine = Engine.create(1)) {
      EventRecorder events = new EventRecorder();
      Session server = engine.tcpServer(TcpServerConfig.listen("127.0.0.1", 0));
      server.addListener(events);
      server.open().get(10, TimeUnit.SECONDS);
      try (ToolProcess openssl =
          ToolProcess.start(
              List.of(
                  "openssl",
                  "s_client",
                  "-connect",
                  "127.0.0.1:" + server.localAddress().getPort()))) {
        byte[] first = events.skipTo(SessionEvent.Received.class).data();
        assertThat(first[0]).isEqualTo((byte) 0x16);
        SessionEvent.Error hint = events.skipTo(SessionEvent.Error.class);
        assertThat(hint.code()).isEqualTo("tls-expected");
        assertThat(hint.message())
            .startsWith("the client at 127.0.0.1:")
            .endsWith(
                " sent a TLS ClientHello (the bytes above): it speaks TLS; open this server"
                    + " with TLS");
      }
    }
  }
}
