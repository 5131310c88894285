package dev.socketdesk.engine.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.ReplyRule;
import dev.socketdesk.engine.testing.Splits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TrafficEditHandlerTest {
  private static final long HOLD_MS = 100;

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static ReplyRule regex(String regex, String replacement) {
    return ReplyRule.regex(regex, StandardCharsets.UTF_8, ascii(replacement));
  }

  private static EmbeddedChannel channel(List<ReplyRule> inbound, List<ReplyRule> outbound) {
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.freezeTime();
    ch.pipeline()
        .addLast(
            SessionHandlers.EDIT,
            new TrafficEditHandler(inbound, outbound, TimeUnit.MILLISECONDS.toNanos(HOLD_MS)));
    return ch;
  }

  /** Everything passed on inbound so far, concatenated; releases what it reads. */
  private static byte[] inbound(EmbeddedChannel ch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuf buf; (buf = ch.readInbound()) != null; buf.release()) {
      out.writeBytes(ByteBufUtil.getBytes(buf));
    }
    return out.toByteArray();
  }

  private static byte[] outbound(EmbeddedChannel ch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuf buf; (buf = ch.readOutbound()) != null; buf.release()) {
      out.writeBytes(ByteBufUtil.getBytes(buf));
    }
    return out.toByteArray();
  }

  /** Reads {@code reads}, then ends the input; returns everything passed on. */
  private static byte[] readAll(EmbeddedChannel ch, List<byte[]> reads) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] read : reads) {
      ch.writeInbound(Unpooled.wrappedBuffer(read));
      out.writeBytes(inbound(ch));
    }
    ch.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
    out.writeBytes(inbound(ch));
    return out.toByteArray();
  }

  private static byte[] writeAll(EmbeddedChannel ch, List<byte[]> writes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] write : writes) {
      ch.writeOutbound(Unpooled.wrappedBuffer(write));
      out.writeBytes(outbound(ch));
    }
    ((TrafficEditHandler) ch.pipeline().get(SessionHandlers.EDIT)).releaseOutbound();
    out.writeBytes(outbound(ch));
    return out.toByteArray();
  }

  /** Leftmost, non-overlapping replacement of {@code pattern}: what the handler must produce. */
  private static byte[] replaceAll(byte[] data, byte[] pattern, byte[] replacement) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < data.length) {
      if (i + pattern.length <= data.length
          && Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
        out.writeBytes(replacement);
        i += pattern.length;
      } else {
        out.write(data[i++]);
      }
    }
    return out.toByteArray();
  }

  @Test
  void aRegexRewritesEveryMatchAndLeavesTheRestAsItWasWhateverTheReads() {
    byte[] data = ascii("AT+RST\r\npi AT+GMR\r\nAT+RST\r\nAT+RSTAT+RST\r\ntail AT+RS");
    byte[] expected = ascii("AT\r\npi AT+GMR\r\nAT\r\nAT+RSTAT\r\ntail AT+RS");
    for (List<byte[]> reads : Splits.all(data)) {
      EmbeddedChannel ch = channel(List.of(regex("AT\\+RST\\r\\n", "AT\r\n")), List.of());
      assertThat(readAll(ch, reads)).as("%d reads", reads.size()).isEqualTo(expected);
      assertThat(ch.finishAndReleaseAll()).isFalse();
    }
  }

  @Test
  void aHexRuleDropsItsBytesOnTheWayOutWhateverTheWrites() {
    byte[] data = {0x01, 0x03, (byte) 0xFF, 0x00, 0x01, (byte) 0xFF, 0x00, (byte) 0xFF, 0x00, 0x7E};
    byte[] expected = {0x01, 0x03, 0x01, 0x7E};
    ReplyRule drop = ReplyRule.bytes(new byte[] {(byte) 0xFF, 0x00}, new byte[0]);
    for (List<byte[]> writes : Splits.all(data)) {
      EmbeddedChannel ch = channel(List.of(), List.of(drop));
      assertThat(writeAll(ch, writes)).as("%d writes", writes.size()).isEqualTo(expected);
      assertThat(ch.finishAndReleaseAll()).isFalse();
    }
  }

  @Test
  void randomStreamsComeOutAsALeftmostReplaceWouldMakeThem() {
    byte[] pattern = ascii("abca");
    byte[] replacement = ascii("XY");
    Random random = new Random(20261202L);
    byte[] data = new byte[20_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) ('a' + random.nextInt(3));
    }
    byte[] expected = replaceAll(data, pattern, replacement);
    assertThat(expected).isNotEqualTo(data);
    for (List<byte[]> reads : Splits.all(data)) {
      EmbeddedChannel in = channel(List.of(ReplyRule.bytes(pattern, replacement)), List.of());
      assertThat(readAll(in, reads)).as("%d reads", reads.size()).isEqualTo(expected);
      EmbeddedChannel out = channel(List.of(), List.of(ReplyRule.bytes(pattern, replacement)));
      assertThat(writeAll(out, reads)).as("%d writes", reads.size()).isEqualTo(expected);
      in.finishAndReleaseAll();
      out.finishAndReleaseAll();
    }
  }

  @Test
  void aRegexOverRandomTextEditsAsReplaceAllOverTheWholeTextWouldWhateverTheReads() {
    Random random = new Random(7L);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append("abcd".charAt(random.nextInt(4)));
    }
    byte[] expected = ascii(text.toString().replaceAll("ab+c", "X"));
    for (List<byte[]> reads : Splits.all(ascii(text.toString()))) {
      EmbeddedChannel ch = channel(List.of(regex("ab+c", "X")), List.of());
      assertThat(readAll(ch, reads)).as("%d reads", reads.size()).isEqualTo(expected);
      ch.finishAndReleaseAll();
    }
  }

  @Test
  void eachDirectionUsesOnlyItsOwnRules() {
    EmbeddedChannel ch =
        channel(List.of(regex("secret", "******")), List.of(regex("hello", "HELLO")));
    ch.writeInbound(Unpooled.wrappedBuffer(ascii("hello secret")));
    ch.writeOutbound(Unpooled.wrappedBuffer(ascii("hello secret")));
    assertThat(new String(inbound(ch), StandardCharsets.US_ASCII)).isEqualTo("hello ******");
    assertThat(new String(outbound(ch), StandardCharsets.US_ASCII)).isEqualTo("HELLO secret");
    assertThat(ch.finishAndReleaseAll()).isFalse();
  }

  @Test
  void bytesThatMayBeginAMatchWaitUntilTheSenderIsSilentForTheHoldTime() {
    EmbeddedChannel ch = channel(List.of(regex("ping", "PONG")), List.of());
    ch.writeInbound(Unpooled.wrappedBuffer(ascii("xx pi")));
    assertThat(new String(inbound(ch), StandardCharsets.US_ASCII)).isEqualTo("xx ");
    ch.advanceTimeBy(HOLD_MS / 2, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
    ch.writeInbound(Unpooled.wrappedBuffer(ascii("n")));
    ch.advanceTimeBy(HOLD_MS / 2 + 1, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
    assertThat(inbound(ch)).as("data came within the hold time").isEmpty();
    ch.advanceTimeBy(HOLD_MS, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
    assertThat(new String(inbound(ch), StandardCharsets.US_ASCII)).isEqualTo("pin");
    ch.writeInbound(Unpooled.wrappedBuffer(ascii("g ping")));
    assertThat(new String(inbound(ch), StandardCharsets.US_ASCII))
        .as("the released bytes no longer begin a match")
        .isEqualTo("g PONG");
    assertThat(ch.finishAndReleaseAll()).isFalse();
  }

  @Test
  void atMostTheWindowIsHeldForAMatchThatNeverEnds() {
    EmbeddedChannel ch = channel(List.of(regex("<[^>]*>", "")), List.of());
    byte[] open = new byte[3 * ReplyMatcher.WINDOW];
    Arrays.fill(open, (byte) 'x');
    open[0] = '<';
    int passed = 0;
    for (int at = 0; at < open.length; at += 1000) {
      ch.writeInbound(
          Unpooled.wrappedBuffer(Arrays.copyOfRange(open, at, Math.min(open.length, at + 1000))));
      passed += inbound(ch).length;
    }
    assertThat(passed).isGreaterThanOrEqualTo(open.length - ReplyMatcher.WINDOW);
    ch.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
    assertThat(passed + inbound(ch).length).isEqualTo(open.length);
    assertThat(ch.finishAndReleaseAll()).isFalse();
  }

  @Test
  void closingWritesWhatIsHeldFirst() {
    EmbeddedChannel ch = channel(List.of(), List.of(regex("quit\\r\\n", "")));
    ch.writeOutbound(Unpooled.wrappedBuffer(ascii("bye qui")));
    assertThat(new String(outbound(ch), StandardCharsets.US_ASCII)).isEqualTo("bye ");
    ch.close();
    assertThat(new String(outbound(ch), StandardCharsets.US_ASCII)).isEqualTo("qui");
    assertThat(ch.finishAndReleaseAll()).isFalse();
  }
}
