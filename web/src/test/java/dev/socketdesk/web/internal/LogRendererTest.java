package dev.socketdesk.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.core.event.EventRecord;
import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.Peer;
import io.vertx.core.json.JsonArray;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 10, part 4.4: GBK 你好 (C4 E3 BA C3) received while the view is UTF-8. No byte is lost or
 * shown in the wrong line: UDP decodes each datagram on its own; TCP shows a held partial character
 * at the peer's disconnect, or after a short idle.
 */
class LogRendererTest {
  private static final byte[] GBK_NIHAO = {(byte) 0xC4, (byte) 0xE3, (byte) 0xBA, (byte) 0xC3};
  private static final Charset UTF_8 = StandardCharsets.UTF_8;
  private static final InetSocketAddress BOARD = new InetSocketAddress("127.0.0.1", 5000);
  private static final String BOARD_TEXT = "127.0.0.1:5000";

  private static void received(LogRing ring, long millis, int peerId, byte[] data) {
    ring.add(
        EventRecord.data(
            Instant.ofEpochMilli(millis), new Peer(peerId, BOARD), true, data.length, data, null));
  }

  @Test
  @Timeout(10)
  void eachDatagramIsDecodedOnItsOwn() {
    LogRing ring = new LogRing();
    received(ring, 1000, 1, GBK_NIHAO);
    received(ring, 1001, 1, "AB".getBytes(UTF_8));
    LogRenderer renderer = new LogRenderer(UTF_8, true);
    JsonArray lines = renderer.render(ring.drain(50, 1 << 20).entries());
    assertThat(lines.getJsonObject(0).getString("x")).isEqualTo("\\xC4\\xE3\\xBA\\xC3");
    assertThat(lines.getJsonObject(1).getString("x")).isEqualTo("AB");
    assertThat(renderer.idleStreams(1_000_000)).isEmpty();
  }

  @Test
  @Timeout(10)
  void aStreamsHeldPartialCharacterShowsAfterAShortIdleOnce() {
    LogRing ring = new LogRing();
    received(ring, 1000, 1, GBK_NIHAO);
    LogRenderer renderer = new LogRenderer(UTF_8, false);
    JsonArray first = renderer.render(ring.drain(50, 1 << 20).entries());
    assertThat(first.getJsonObject(0).getString("x")).isEqualTo("\\xC4\\xE3\\xBA");
    assertThat(renderer.idleStreams(1000 + 249)).isEmpty();
    var idle = renderer.idleStreams(1000 + 250);
    assertThat(idle).containsExactly(new LogRenderer.IdleStream(true, 1, BOARD_TEXT));
    assertThat(renderer.idleStreams(5000)).as("owed once").isEmpty();

    ring.addHeld(1250, idle.get(0).received(), idle.get(0).peerId(), idle.get(0).peer());
    JsonArray held = renderer.render(ring.drain(50, 1 << 20).entries());
    assertThat(held.getJsonObject(0).getString("k")).isEqualTo("held");
    assertThat(held.getJsonObject(0).getString("d")).isEqualTo("sys");
    assertThat(held.getJsonObject(0).getString("x")).isEqualTo("\\xC3");

    received(ring, 2000, 1, "AB".getBytes(UTF_8));
    assertThat(renderer.render(ring.drain(50, 1 << 20).entries()).getJsonObject(0).getString("x"))
        .as("nothing held is carried into the next read")
        .isEqualTo("AB");
    assertThat(renderer.idleStreams(9000)).isEmpty();
  }

  @Test
  @Timeout(10)
  void aHeldMarkerThatDataCompletedFirstShowsNothing() {
    Charset gbk = Charset.forName("GBK");
    byte[] hao = "好".getBytes(gbk);
    LogRing ring = new LogRing();
    received(ring, 1000, 1, new byte[] {hao[0]});
    LogRenderer renderer = new LogRenderer(gbk, false);
    renderer.render(ring.drain(50, 1 << 20).entries());
    assertThat(renderer.idleStreams(2000)).hasSize(1);
    received(ring, 2001, 1, new byte[] {hao[1]});
    ring.addHeld(2002, true, 1, BOARD_TEXT);
    JsonArray lines = renderer.render(ring.drain(50, 1 << 20).entries());
    assertThat(lines.getJsonObject(0).getString("x")).isEqualTo("好");
    assertThat(lines.getJsonObject(1).getString("x")).isEmpty();
  }

  @Test
  @Timeout(10)
  void aHeldPartialCharacterShowsOnThePeersDisconnect() {
    LogRing ring = new LogRing();
    received(ring, 1000, 3, GBK_NIHAO);
    ring.add(
        EventRecord.closed(
            Instant.ofEpochMilli(1001), new Peer(3, BOARD), CloseReason.PEER_CLOSED));
    LogRenderer renderer = new LogRenderer(UTF_8, false);
    JsonArray lines = renderer.render(ring.drain(50, 1 << 20).entries());
    assertThat(lines.getJsonObject(0).getString("x")).isEqualTo("\\xC4\\xE3\\xBA");
    assertThat(lines.getJsonObject(1).getString("k")).isEqualTo("closed");
    assertThat(lines.getJsonObject(1).getString("h")).isEqualTo("\\xC3");
    assertThat(renderer.idleStreams(1_000_000)).isEmpty();
  }
}
