package dev.socketdesk.engine.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.ReplyRule;
import dev.socketdesk.engine.testing.Splits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AutoReplyHandlerTest {
  private final TestSession session = new TestSession();

  private EmbeddedChannel connection() {
    return new EmbeddedChannel(
        new PeerLifecycleHandler(session, 0),
        new TrafficAccountingHandler(session, PeerAddressing.CONNECTION),
        new AutoReplyHandler(session, PeerAddressing.CONNECTION));
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Feeds each read as one read cycle (read, then read complete) and returns what was written. */
  private static byte[] feed(EmbeddedChannel ch, List<byte[]> reads) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] read : reads) {
      ch.writeInbound(Unpooled.wrappedBuffer(read));
      for (ByteBuf buf; (buf = ch.readOutbound()) != null; buf.release()) {
        out.writeBytes(ByteBufUtil.getBytes(buf));
      }
    }
    return out.toByteArray();
  }

  @Test
  void echoesEveryByteWithItsPrefixWhateverTheSplit() {
    byte[] data = ascii("Hello WalnutPi! 你好\r\n".repeat(40));
    for (List<byte[]> reads : Splits.all(data)) {
      session.actions = AutoActions.echo(new byte[0]);
      EmbeddedChannel ch = connection();
      assertThat(feed(ch, reads)).isEqualTo(data);
      assertThat(ch.finishAndReleaseAll()).isFalse();

      session.actions = AutoActions.echo(ascii(">"));
      EmbeddedChannel prefixed = connection();
      byte[] answered = feed(prefixed, reads);
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      for (byte[] read : reads) {
        expected.writeBytes(ascii(">"));
        expected.writeBytes(read);
      }
      assertThat(answered).isEqualTo(expected.toByteArray());
      prefixed.finishAndReleaseAll();
    }
  }

  @Test
  void aRuleAnswersEachMatchOnceWhateverTheSplitAndItsReadIsNotEchoed() {
    byte[] data = ascii("noise BEGIN temp=21 END more BEGIN x\ny END tail ".repeat(25));
    ReplyRule rule = ReplyRule.regex("BEGIN.*?END", StandardCharsets.UTF_8, ascii("OK;"));
    for (List<byte[]> reads : Splits.all(data)) {
      session.actions = new AutoActions(false, new byte[0], List.of(rule));
      EmbeddedChannel ch = connection();
      assertThat(new String(feed(ch, reads), StandardCharsets.UTF_8)).isEqualTo("OK;".repeat(25));
      ch.finishAndReleaseAll();
    }

    session.actions = new AutoActions(true, new byte[0], List.of(rule));
    EmbeddedChannel ch = connection();
    byte[] answered = feed(ch, List.of(ascii("ping "), ascii("BEGIN 1 END"), ascii("pong")));
    assertThat(new String(answered, StandardCharsets.UTF_8)).isEqualTo("ping OK;pong");
    ch.finishAndReleaseAll();
  }

  @Test
  void withoutActionsNothingIsWrittenAndEveryReadIsReleased() {
    EmbeddedChannel ch = connection();
    ByteBuf read = Unpooled.buffer().writeBytes(ascii("data"));
    ch.writeInbound(read);
    assertThat(read.refCnt()).isZero();
    assertThat((Object) ch.readOutbound()).isNull();
    assertThat((Object) ch.readInbound()).isNull();
    ch.finishAndReleaseAll();
  }

  @Test
  void aDatagramIsAnsweredToItsSender() {
    session.actions = AutoActions.echo(ascii("I got:"));
    PeerAddressing datagrams = PeerAddressing.datagrams(session::peerFor, session::peerFor);
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new TrafficAccountingHandler(session, datagrams),
            new AutoReplyHandler(session, datagrams));
    ch.writeInbound(
        new DatagramPacket(Unpooled.wrappedBuffer(ascii("A")), null, TestSession.BOARD));
    ch.writeInbound(
        new DatagramPacket(Unpooled.wrappedBuffer(ascii("B")), null, TestSession.OTHER_BOARD));
    DatagramPacket first = ch.readOutbound();
    DatagramPacket second = ch.readOutbound();
    assertThat(first.recipient()).isEqualTo(TestSession.BOARD);
    assertThat(first.content().toString(StandardCharsets.UTF_8)).isEqualTo("I got:A");
    assertThat(second.recipient()).isEqualTo(TestSession.OTHER_BOARD);
    assertThat(second.content().toString(StandardCharsets.UTF_8)).isEqualTo("I got:B");
    first.release();
    second.release();
    assertThat(session.peerFor(TestSession.BOARD).snapshot().bytesOut()).isEqualTo(7);
    ch.finishAndReleaseAll();
  }
}
