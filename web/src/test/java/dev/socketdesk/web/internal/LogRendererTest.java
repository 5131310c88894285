package dev.socketdesk.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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

  @Test
  @Timeout(10)
  void eachDatagramIsDecodedOnItsOwn() {
    LogRing ring = new LogRing();
    ring.addData(1000, LogRing.Direction.IN, 1, "127.0.0.1:5000", GBK_NIHAO);
    ring.addData(1001, LogRing.Direction.IN, 1, "127.0.0.1:5000", "AB".getBytes(UTF_8));
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
    ring.addData(1000, LogRing.Direction.IN, 1, "#1", GBK_NIHAO);
    LogRenderer renderer = new LogRenderer(UTF_8, false);
    JsonArray first = renderer.render(ring.drain(50, 1 << 20).entries());
    assertThat(first.getJsonObject(0).getString("x")).isEqualTo("\\xC4\\xE3\\xBA");
    assertThat(renderer.idleStreams(1000 + 249)).isEmpty();
    var idle = renderer.idleStreams(1000 + 250);
    assertThat(idle).containsExactly(new LogRenderer.IdleStream(LogRing.Direction.IN, 1, "#1"));
    assertThat(renderer.idleStreams(5000)).as("owed once").isEmpty();

    ring.addHeld(1250, idle.get(0).dir(), idle.get(0).peerId(), idle.get(0).peer());
    JsonArray held = renderer.render(ring.drain(50, 1 << 20).entries());
    assertThat(held.getJsonObject(0).getString("k")).isEqualTo("held");
    assertThat(held.getJsonObject(0).getString("d")).isEqualTo("sys");
    assertThat(held.getJsonObject(0).getString("x")).isEqualTo("\\xC3");

    ring.addData(2000, LogRing.Direction.IN, 1, "#1", "AB".getBytes(UTF_8));
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
    ring.addData(1000, LogRing.Direction.IN, 1, "#1", new byte[] {hao[0]});
    LogRenderer renderer = new LogRenderer(gbk, false);
    renderer.render(ring.drain(50, 1 << 20).entries());
    assertThat(renderer.idleStreams(2000)).hasSize(1);
    ring.addData(2001, LogRing.Direction.IN, 1, "#1", new byte[] {hao[1]});
    ring.addHeld(2002, LogRing.Direction.IN, 1, "#1");
    JsonArray lines = renderer.render(ring.drain(50, 1 << 20).entries());
    assertThat(lines.getJsonObject(0).getString("x")).isEqualTo("好");
    assertThat(lines.getJsonObject(1).getString("x")).isEmpty();
  }

  @Test
  @Timeout(10)
  void aHeldPartialCharacterShowsOnThePeersDisconnect() {
    LogRing ring = new LogRing();
    ring.addData(1000, LogRing.Direction.IN, 3, "127.0.0.1:4000", GBK_NIHAO);
    ring.addNote(1001, LogRing.Direction.SYS, "disconnected", 3, "127.0.0.1:4000", "peer_closed");
    LogRenderer renderer = new LogRenderer(UTF_8, false);
    JsonArray lines = renderer.render(ring.drain(50, 1 << 20).entries());
    assertThat(lines.getJsonObject(0).getString("x")).isEqualTo("\\xC4\\xE3\\xBA");
    assertThat(lines.getJsonObject(1).getString("k")).isEqualTo("disconnected");
    assertThat(lines.getJsonObject(1).getString("h")).isEqualTo("\\xC3");
    assertThat(renderer.idleStreams(1_000_000)).isEmpty();
  }
}
