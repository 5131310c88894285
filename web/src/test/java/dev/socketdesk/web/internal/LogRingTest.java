package dev.socketdesk.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.core.event.EventRecord;
import dev.socketdesk.engine.Peer;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LogRingTest {
  private static final InetSocketAddress BOARD = new InetSocketAddress("127.0.0.1", 5000);

  private static void add(LogRing ring, boolean received, int peer, byte[] data) {
    ring.add(
        EventRecord.data(Instant.EPOCH, new Peer(peer, BOARD), received, data.length, data, null));
  }

  @Test
  void drainTakesTheNewestWithinTheLimitsAndCountsTheRest() {
    LogRing ring = new LogRing();
    for (int i = 0; i < 120; i++) {
      add(ring, true, 1, ("line " + i).getBytes(StandardCharsets.UTF_8));
    }
    LogRing.Drain drain = ring.drain(50, 1 << 20);
    assertThat(drain.entries()).hasSize(50);
    assertThat(drain.skipped()).isEqualTo(70);
    assertThat(drain.entries().get(0).seq()).isEqualTo(71);
    assertThat(drain.entries().get(49).seq()).isEqualTo(120);
    assertThat(ring.drain(50, 1 << 20).entries()).isEmpty();

    add(ring, false, 1, new byte[600]);
    add(ring, false, 1, new byte[600]);
    LogRing.Drain bytes = ring.drain(50, 1000);
    assertThat(bytes.entries()).hasSize(1);
    assertThat(bytes.skipped()).isEqualTo(1);
  }

  @Test
  void keepsTheLastEntriesBoundedAndTruncatesLargeOnesButRemembersTheirSize() {
    LogRing ring = new LogRing();
    for (int i = 0; i < LogRing.CAPACITY + 10; i++) {
      add(ring, true, 1, new byte[] {(byte) i});
    }
    assertThat(ring.tail(Integer.MAX_VALUE)).hasSize(LogRing.CAPACITY);
    assertThat(ring.tail(3)).extracting(LogRing.Entry::seq).containsExactly(5008L, 5009L, 5010L);
    assertThat(ring.tail(100, 5))
        .extracting(LogRing.Entry::seq)
        .containsExactly(5006L, 5007L, 5008L, 5009L, 5010L);
    LogRing.Drain drain = ring.drain(10, 1 << 20);
    assertThat(drain.skipped()).isEqualTo(LogRing.CAPACITY);
    add(ring, true, 2, new byte[100_000]);
    LogRing.Entry big = ring.tail(1).get(0);
    assertThat(big.data()).hasSize(LogRing.MAX_ENTRY_BYTES);
    assertThat(big.record().bytes()).isEqualTo(100_000);
    ring.clear();
    assertThat(ring.tail(10)).isEmpty();
    ring.add(EventRecord.sessionClosed(Instant.EPOCH));
    assertThat(ring.tail(10).get(0).seq()).isEqualTo(LogRing.CAPACITY + 12);
  }

  @Test
  void aCharacterSplitAcrossReadsRendersWholeAndAGapStartsAfresh() {
    Charset gbk = Charset.forName("GBK");
    byte[] text = "你好".getBytes(gbk);
    LogRing ring = new LogRing();
    add(ring, true, 1, Arrays.copyOfRange(text, 0, 1));
    add(ring, false, 1, "x".getBytes(gbk));
    add(ring, true, 1, Arrays.copyOfRange(text, 1, 4));
    LogRenderer renderer = new LogRenderer(gbk, false);
    var lines = renderer.render(ring.drain(50, 1 << 20).entries());
    assertThat(lines.getJsonObject(0).getString("x")).isEmpty();
    assertThat(lines.getJsonObject(1).getString("x")).isEqualTo("x");
    assertThat(lines.getJsonObject(2).getString("x")).isEqualTo("你好");

    byte[] utf8 = "你".getBytes(StandardCharsets.UTF_8);
    LogRenderer utf8Renderer = new LogRenderer(StandardCharsets.UTF_8, false);
    add(ring, true, 1, Arrays.copyOfRange(utf8, 0, 1));
    add(ring, true, 1, Arrays.copyOfRange(utf8, 1, 3));
    JsonObject onlyLast = utf8Renderer.render(ring.drain(1, 1 << 20).entries()).getJsonObject(0);
    assertThat(onlyLast.getString("x")).isEqualTo("\\xBD\\xA0");
    assertThat(onlyLast.getInteger("n")).isEqualTo(2);
  }
}
