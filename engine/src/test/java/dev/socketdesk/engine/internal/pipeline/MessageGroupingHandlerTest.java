package dev.socketdesk.engine.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.Grouping;
import dev.socketdesk.engine.testing.Splits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MessageGroupingHandlerTest {
  private final TestSession session = new TestSession();

  private EmbeddedChannel channel() {
    EmbeddedChannel ch = new EmbeddedChannel();
    ch.freezeTime();
    ch.pipeline().addLast(new MessageGroupingHandler(session));
    return ch;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** The messages passed on so far, as strings. */
  private static List<String> messages(EmbeddedChannel ch) {
    List<String> out = new ArrayList<>();
    for (ByteBuf buf; (buf = ch.readInbound()) != null; buf.release()) {
      out.add(new String(ByteBufUtil.getBytes(buf), StandardCharsets.US_ASCII));
    }
    return out;
  }

  private static void idle(EmbeddedChannel ch, long millis) {
    ch.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
    ch.runScheduledPendingTasks();
  }

  @Test
  void withoutGroupingEveryReadPassesAsItIs() {
    EmbeddedChannel ch = channel();
    ch.writeInbound(Unpooled.wrappedBuffer(ascii("ab")), Unpooled.wrappedBuffer(ascii("c")));
    assertThat(messages(ch)).containsExactly("ab", "c");
    assertThat(ch.finishAndReleaseAll()).isFalse();
  }

  @Test
  void bytesArrivingCloserThanTheIdleTimeAreOneMessageWhateverTheSplit() {
    session.grouping = Grouping.idle(Duration.ofMillis(20));
    byte[] frame = ascii("01 03 02 00 2A temperature=21.5;");
    for (List<byte[]> reads : Splits.all(frame)) {
      EmbeddedChannel ch = channel();
      for (int round = 0; round < 3; round++) {
        for (byte[] read : reads) {
          ch.writeInbound(Unpooled.wrappedBuffer(read));
          idle(ch, 19);
        }
        assertThat(messages(ch)).isEmpty();
        idle(ch, 1);
        assertThat(messages(ch)).containsExactly(new String(frame, StandardCharsets.US_ASCII));
      }
      assertThat(ch.finishAndReleaseAll()).isFalse();
    }
  }

  @Test
  void aDelimiterEndsEachMessageWhateverTheSplit() {
    session.grouping = Grouping.delimiter(ascii("\r\n"));
    byte[] data = ascii("temp=21\r\nhum=40\r\n\r\nlast\r");
    for (List<byte[]> reads : Splits.all(data)) {
      EmbeddedChannel ch = channel();
      List<String> got = new ArrayList<>();
      for (byte[] read : reads) {
        ch.writeInbound(Unpooled.wrappedBuffer(read));
        got.addAll(messages(ch));
      }
      assertThat(got).containsExactly("temp=21\r\n", "hum=40\r\n", "\r\n");
      ch.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
      assertThat(messages(ch)).containsExactly("last\r");
      assertThat(ch.finishAndReleaseAll()).isFalse();
    }
  }

  @Test
  void delimiterOrIdleWhicheverComesFirstAndTheSizeLimitHolds() {
    session.grouping = new Grouping(Duration.ofMillis(5), ascii(";"), 8);
    EmbeddedChannel ch = channel();
    ch.writeInbound(Unpooled.wrappedBuffer(ascii("a;bc")));
    assertThat(messages(ch)).containsExactly("a;");
    idle(ch, 5);
    assertThat(messages(ch)).containsExactly("bc");
    ch.writeInbound(Unpooled.wrappedBuffer(ascii("0123456789abcdefXY")));
    assertThat(messages(ch)).containsExactly("01234567", "89abcdef");
    ch.close();
    assertThat(messages(ch)).containsExactly("XY");
    assertThat(ch.finishAndReleaseAll()).isFalse();
  }

  @Test
  void everyByteArrivesOnceInOrderWhateverTheSplit() {
    session.grouping = new Grouping(Duration.ofMillis(3), ascii("\n"), 7);
    byte[] data = ascii("line one\nline two is longer\n\nx".repeat(20));
    for (List<byte[]> reads : Splits.all(data)) {
      EmbeddedChannel ch = channel();
      StringBuilder got = new StringBuilder();
      int i = 0;
      for (byte[] read : reads) {
        ch.writeInbound(Unpooled.wrappedBuffer(read));
        if (++i % 5 == 0) {
          idle(ch, 3);
        }
        for (String m : messages(ch)) {
          assertThat(m.length()).isBetween(1, 7);
          got.append(m);
        }
      }
      ch.close();
      messages(ch).forEach(got::append);
      assertThat(got.toString()).isEqualTo(new String(data, StandardCharsets.US_ASCII));
      assertThat(ch.finishAndReleaseAll()).isFalse();
    }
  }

  @Test
  void datagramsAreNeverGrouped() {
    session.grouping = Grouping.delimiter(ascii("\n"));
    EmbeddedChannel ch = channel();
    DatagramPacket packet =
        new DatagramPacket(
            Unpooled.wrappedBuffer(ascii("no delimiter")),
            new InetSocketAddress("127.0.0.1", 1),
            new InetSocketAddress("127.0.0.1", 2));
    ch.writeInbound(packet);
    DatagramPacket passed = ch.readInbound();
    assertThat(passed).isSameAs(packet);
    passed.release();
    assertThat(ch.finishAndReleaseAll()).isFalse();
  }

  @Test
  void turningGroupingOffPassesWhatWasHeldFirst() {
    session.grouping = Grouping.idle(Duration.ofMillis(50));
    EmbeddedChannel ch = channel();
    ch.writeInbound(Unpooled.wrappedBuffer(ascii("held")));
    session.grouping = Grouping.NONE;
    ch.writeInbound(Unpooled.wrappedBuffer(ascii("next")));
    assertThat(messages(ch)).containsExactly("held", "next");
    assertThat(ch.finishAndReleaseAll()).isFalse();
  }

  @Test
  void theDefaultIdleTimeScalesWithTheBaudRate() {
    assertThat(Grouping.defaultIdle(115_200)).isEqualTo(Duration.ofMillis(20));
    assertThat(Grouping.defaultIdle(9_600)).isEqualTo(Duration.ofMillis(240));
    assertThat(Grouping.defaultIdle(921_600)).isEqualTo(Duration.ofMillis(2).plusNanos(500_000));
    assertThat(Grouping.defaultIdle(50)).isEqualTo(Duration.ofSeconds(1));
    assertThat(Grouping.defaultIdle(12_000_000)).isEqualTo(Duration.ofMillis(1));
  }
}
