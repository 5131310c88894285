package dev.socketdesk.engine.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.ReplyRule;
import dev.socketdesk.engine.testing.Splits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ReplyMatcherTest {
  private static final byte[] PONG = "pong".getBytes(StandardCharsets.US_ASCII);

  private static List<String> feed(ReplyMatcher matcher, byte[]... reads) {
    List<String> answers = new ArrayList<>();
    for (byte[] read : reads) {
      ByteBuf buf = Unpooled.wrappedBuffer(read);
      matcher.feed(buf, r -> answers.add(new String(r, StandardCharsets.UTF_8)));
      buf.release();
    }
    return answers;
  }

  private static ReplyMatcher regex(String regex, Charset charset) {
    return new ReplyMatcher(List.of(ReplyRule.regex(regex, charset, PONG)));
  }

  @Test
  void invalidBytesBeforeAMatchAreConsumedAsTheBytesTheyWere() {
    ReplyMatcher matcher = regex("ping", StandardCharsets.UTF_8);
    byte[] read = {(byte) 0xFF, (byte) 0xFE, 'p', 'i', 'n', 'g', 'p', 'i', 'n', 'g'};
    assertThat(feed(matcher, read)).containsExactly("pong", "pong");
  }

  @Test
  void multiByteCharactersBeforeAMatchCountTheirBytes() {
    ReplyMatcher matcher = regex("开灯", StandardCharsets.UTF_8);
    byte[] read = "说：开灯开灯".getBytes(StandardCharsets.UTF_8);
    assertThat(feed(matcher, read)).containsExactly("pong", "pong");

    ReplyMatcher gbk = regex("开灯", Charset.forName("GBK"));
    assertThat(
            feed(
                gbk,
                "\u00ff开灯".getBytes(Charset.forName("GBK")),
                "开".getBytes(Charset.forName("GBK")),
                "灯".getBytes(Charset.forName("GBK"))))
        .containsExactly("pong", "pong");
  }

  @Test
  void aMatchSplitAcrossReadsFiresOnceWhenComplete() {
    ReplyMatcher matcher = regex("ping\\n", StandardCharsets.UTF_8);
    byte[] split = "ping\n".getBytes(StandardCharsets.UTF_8);
    List<String> answers = new ArrayList<>();
    for (byte b : split) {
      answers.addAll(feed(matcher, new byte[] {b}));
    }
    assertThat(answers).containsExactly("pong");
    assertThat(feed(matcher, split)).containsExactly("pong");
  }

  @Test
  void aMatchAfterAnIncompleteCharacterSplitByTheRead() {
    ReplyMatcher matcher = regex("OK", StandardCharsets.UTF_8);
    byte[] word = "好OK".getBytes(StandardCharsets.UTF_8);
    List<String> answers = new ArrayList<>();
    answers.addAll(feed(matcher, new byte[] {word[0], word[1]}));
    answers.addAll(feed(matcher, new byte[] {word[2], word[3], word[4]}));
    answers.addAll(feed(matcher, "OK".getBytes(StandardCharsets.UTF_8)));
    assertThat(answers).containsExactly("pong", "pong");
  }

  @Test
  void everySplitOfAStreamFiresTheSameAnswersAsTheWholeStream() {
    byte[] stream =
        "x开灯 BEGIN a END \u00ffping BEG IN BEGIN\nEND pingpong 开灯开灯 END BEGIN"
            .repeat(8)
            .getBytes(StandardCharsets.UTF_8);
    List<ReplyRule> rules =
        List.of(
            ReplyRule.regex(
                "BEGIN.*?END", StandardCharsets.UTF_8, "A".getBytes(StandardCharsets.UTF_8)),
            ReplyRule.regex("开灯", StandardCharsets.UTF_8, "B".getBytes(StandardCharsets.UTF_8)),
            ReplyRule.bytes(
                "ping".getBytes(StandardCharsets.US_ASCII), "C".getBytes(StandardCharsets.UTF_8)));
    List<String> whole = feed(new ReplyMatcher(rules), stream);
    assertThat(whole).contains("A", "B", "C");
    for (List<byte[]> reads : Splits.all(stream)) {
      assertThat(feed(new ReplyMatcher(rules), reads.toArray(new byte[0][]))).isEqualTo(whole);
    }
  }

  @Test
  void textThatCannotMatchIsNotKeptSoEachReadCostsOnlyItsOwnBytes() {
    ReplyMatcher matcher = regex("BEGIN.*END", StandardCharsets.UTF_8);
    byte[] read = "temperature=21.5 humidity=40\n".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 20_000; i++) {
      assertThat(feed(matcher, read)).isEmpty();
      assertThat(matcher.retainedBytes()).isLessThanOrEqualTo(read.length);
    }
  }

  @Test
  void aPartialMatchIsKeptUntilItCompletesButNeverBeyondTheWindow() {
    ReplyMatcher matcher = regex("BEGIN.*END", StandardCharsets.UTF_8);
    feed(matcher, "junk BEGIN 1 2".getBytes(StandardCharsets.UTF_8));
    assertThat(matcher.retainedBytes()).isEqualTo("BEGIN 1 2".length());
    assertThat(feed(matcher, " 3 END".getBytes(StandardCharsets.UTF_8))).containsExactly("pong");
    assertThat(matcher.retainedBytes()).isZero();

    feed(matcher, "BEGIN".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 1000; i++) {
      feed(matcher, "0123456789".getBytes(StandardCharsets.UTF_8));
      assertThat(matcher.retainedBytes()).isLessThanOrEqualTo(ReplyMatcher.WINDOW);
    }
  }
}
