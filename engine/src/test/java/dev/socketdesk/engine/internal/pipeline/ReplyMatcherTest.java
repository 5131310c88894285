package dev.socketdesk.engine.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.ReplyRule;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
