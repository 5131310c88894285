package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page that stops reading while a board floods and the display encoding changes 40 times: once it
 * reads again it gets each changed tab's latest state once (not 40 times), and a resync that tells
 * it up to which line it missed the log, instead of every queued batch.
 */
class UiPageResyncTest {
  @TempDir Path config;

  @Test
  @Timeout(120)
  void aPageThatFellBehindGetsTheLatestStateOnceAndAResync() throws Exception {
    try (UiHarness ui = new UiHarness(config);
        DatagramSocket board = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        Socket page = new Socket()) {
      ui.create(new JsonObject().put("type", "udp").put("localHost", "127.0.0.1"));
      String local =
          ui.get("/api/state").json().getJsonArray("tabs").getJsonObject(0).getString("local");
      int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1));
      flood(board, port, 5000, ui);

      page.setReceiveBufferSize(4096);
      page.connect(new InetSocketAddress("127.0.0.1", ui.server.port()), 5000);
      page.setSoTimeout(10_000);
      page.getOutputStream()
          .write(
              ("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:"
                      + ui.server.port()
                      + "\r\n"
                      + ui.tokenHeader()
                      + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                      + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                      + "Sec-WebSocket-Version: 13\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      DataInputStream in = new DataInputStream(page.getInputStream());
      skipHttpHead(in);

      for (int i = 0; i < 40; i++) {
        String encoding = i % 2 == 0 ? "GBK" : "ISO-8859-1";
        assertThat(
                ui.put("/api/sessions/1/display", new JsonObject().put("encoding", encoding))
                    .status())
            .isEqualTo(200);
      }
      flood(board, port, 2000, ui);

      List<JsonObject> messages = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ZERO)
          .until(
              () -> {
                messages.add(readMessage(in));
                return lastTabEncoding(messages).equals("ISO-8859-1")
                    && messages.stream().anyMatch(m -> m.getString("type").equals("resync"));
              });
      long tabMessages = messages.stream().filter(m -> m.getString("type").equals("tab")).count();
      assertThat(messages.get(0).getString("type")).isEqualTo("hello");
      assertThat(tabMessages).as("tab messages for 40 changes").isBetween(1L, 6L);
      JsonObject resync =
          messages.stream().filter(m -> m.getString("type").equals("resync")).findFirst().get();
      JsonObject tab = resync.getJsonArray("tabs").getJsonObject(0);
      assertThat(tab.getLong("seq")).isGreaterThan(5000L);
      assertThat(tab.getJsonObject("counters").getLong("messagesIn")).isGreaterThan(5000L);
      assertThat(tab.containsKey("lines")).isFalse();
    }
  }

  private static String lastTabEncoding(List<JsonObject> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      JsonObject m = messages.get(i);
      if (m.getString("type").equals("tab")) {
        return m.getJsonObject("tab").getString("encoding");
      }
    }
    return "";
  }

  /** Sends {@code count} datagrams in steps the session keeps up with. */
  private static void flood(DatagramSocket board, int port, int count, UiHarness ui)
      throws Exception {
    InetAddress to = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    long before = messagesIn(ui);
    for (int sent = 0; sent < count; sent += 100) {
      for (int i = 0; i < 100; i++) {
        byte[] data =
            String.format("reading %08d: %s%n", sent + i, "x".repeat(40))
                .getBytes(StandardCharsets.US_ASCII);
        board.send(new DatagramPacket(data, data.length, to, port));
      }
      long expected = before + sent + 100;
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> messagesIn(ui) >= expected);
    }
  }

  private static long messagesIn(UiHarness ui) throws Exception {
    return ui.get("/api/state")
        .json()
        .getJsonArray("tabs")
        .getJsonObject(0)
        .getJsonObject("counters")
        .getLong("messagesIn");
  }

  private static void skipHttpHead(DataInputStream in) throws IOException {
    int matched = 0;
    for (int i = 0; i < 64 * 1024 && matched < 4; i++) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError("the server closed the WebSocket handshake");
      }
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    assertThat(matched).isEqualTo(4);
  }

  /** The next text message (unmasked server frames, continuations joined, pings skipped). */
  private static JsonObject readMessage(DataInputStream in) throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    while (true) {
      int b0 = in.readUnsignedByte();
      int b1 = in.readUnsignedByte();
      long len = b1 & 0x7f;
      if (len == 126) {
        len = in.readUnsignedShort();
      } else if (len == 127) {
        len = in.readLong();
      }
      byte[] payload = new byte[Math.toIntExact(len)];
      in.readFully(payload);
      int opcode = b0 & 0x0f;
      if (opcode == 8) {
        throw new AssertionError("the server closed the page");
      }
      if (opcode == 1 || opcode == 0) {
        message.write(payload);
        if ((b0 & 0x80) != 0) {
          return new JsonObject(message.toString(StandardCharsets.UTF_8));
        }
      }
    }
  }
}
