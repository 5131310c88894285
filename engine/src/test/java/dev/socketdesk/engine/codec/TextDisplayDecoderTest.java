package dev.socketdesk.engine.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.codec.StreamSamples.Sample;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextDisplayDecoderTest {

  /** How a received chunk is held: heap, pooled direct, or a two-part composite buffer. */
  enum BufferKind {
    HEAP(bytes -> Unpooled.buffer(bytes.length).writeBytes(bytes)),
    DIRECT(bytes -> PooledByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes)),
    COMPOSITE(TextDisplayDecoderTest::composite);

    private final Function<byte[], ByteBuf> factory;

    BufferKind(Function<byte[], ByteBuf> factory) {
      this.factory = factory;
    }

    ByteBuf wrap(byte[] bytes) {
      return factory.apply(bytes);
    }
  }

  static Stream<Arguments> samplesAndKinds() {
    List<Arguments> cases = new ArrayList<>();
    for (Sample sample : StreamSamples.all()) {
      for (BufferKind kind : BufferKind.values()) {
        cases.add(Arguments.of(sample, kind));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} in {1} buffers")
  @MethodSource("samplesAndKinds")
  void wholeInput(Sample sample, BufferKind kind) {
    List<String> shown = run(sample.charset(), kind, StreamSamples.whole(sample.bytes()));
    assertThat(shown).containsExactly(sample.display(), sample.flushed());
  }

  @ParameterizedTest(name = "{0} in {1} buffers")
  @MethodSource("samplesAndKinds")
  void oneByteAtATime(Sample sample, BufferKind kind) {
    List<String> shown = run(sample.charset(), kind, StreamSamples.byteByByte(sample.bytes()));
    assertThat(shown).doesNotContain("");
    assertThat(String.join("", shown)).isEqualTo(sample.display() + sample.flushed());
    assertThat(shown.get(shown.size() - 1)).isEqualTo(sample.flushed());
  }

  @ParameterizedTest(name = "{0} in {1} buffers")
  @MethodSource("samplesAndKinds")
  void seededRandomSplits(Sample sample, BufferKind kind) {
    for (long seed : StreamSamples.SEEDS) {
      List<String> shown =
          run(sample.charset(), kind, StreamSamples.randomSplits(sample.bytes(), seed, 6));
      assertThat(String.join("", shown))
          .as("seed %d", seed)
          .isEqualTo(sample.display() + sample.flushed());
    }
  }

  @Test
  void showsControlAndInvalidBytesOfTheExample() {
    List<String> shown =
        run(UTF_8, BufferKind.HEAP, List.of(new byte[] {0x48, 0x69, 0x0D, 0x0A, (byte) 0xFF}));
    assertThat(shown).containsExactly("Hi\\r\\n\\xFF");
  }

  @Test
  void emitsNothingForAHeldBackHalfAndNothingAtCloseWhenComplete() {
    byte[] hao = "好".getBytes(StreamSamples.GBK);
    EmbeddedChannel channel = new EmbeddedChannel(new TextDisplayDecoder(StreamSamples.GBK));
    ByteBuf first = Unpooled.wrappedBuffer(new byte[] {hao[0]});
    ByteBuf second = Unpooled.wrappedBuffer(new byte[] {hao[1]});
    ByteBuf empty = Unpooled.buffer(0);
    assertThat(channel.writeInbound(first)).isFalse();
    assertThat(channel.writeInbound(empty)).isFalse();
    assertThat(channel.writeInbound(second)).isTrue();
    assertThat((String) channel.readInbound()).isEqualTo("好");
    assertThat(channel.finish()).isFalse();
    assertThat(first.refCnt()).isZero();
    assertThat(second.refCnt()).isZero();
    assertThat(empty.refCnt()).isZero();
  }

  /** GBK 你好 (C4 E3 BA C3) while the view is UTF-8: C3 starts a character that never comes. */
  private static final byte[] GBK_NIHAO = {(byte) 0xC4, (byte) 0xE3, (byte) 0xBA, (byte) 0xC3};

  @Test
  @Timeout(10)
  void eachDatagramIsDecodedOnItsOwn() {
    EmbeddedChannel channel = new EmbeddedChannel(new TextDisplayDecoder(UTF_8));
    InetSocketAddress board = new InetSocketAddress("127.0.0.1", 5000);
    InetSocketAddress us = new InetSocketAddress("127.0.0.1", 6000);
    DatagramPacket first = new DatagramPacket(Unpooled.wrappedBuffer(GBK_NIHAO), us, board);
    DatagramPacket second = new DatagramPacket(Unpooled.copiedBuffer("AB", UTF_8), us, board);
    channel.writeInbound(first, second);
    assertThat((String) channel.readInbound()).isEqualTo("\\xC4\\xE3\\xBA\\xC3");
    assertThat((String) channel.readInbound()).isEqualTo("AB");
    channel.advanceTimeBy(1, TimeUnit.MINUTES);
    channel.runScheduledPendingTasks();
    assertThat(channel.finish()).isFalse();
    assertThat(first.refCnt()).isZero();
    assertThat(second.refCnt()).isZero();
  }

  @Test
  @Timeout(10)
  void aHeldPartialCharacterShowsAfterAShortIdle() {
    EmbeddedChannel channel =
        new EmbeddedChannel(new TextDisplayDecoder(UTF_8, Duration.ofMillis(200)));
    channel.writeInbound(Unpooled.wrappedBuffer(GBK_NIHAO));
    assertThat((String) channel.readInbound()).isEqualTo("\\xC4\\xE3\\xBA");
    channel.advanceTimeBy(199, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
    assertThat((Object) channel.readInbound()).as("still within the idle time").isNull();
    channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
    assertThat((String) channel.readInbound()).isEqualTo("\\xC3");
    assertThat(channel.finish()).as("nothing is left for the close").isFalse();
  }

  @Test
  @Timeout(10)
  void aHeldPartialCharacterShowsAtTheClose() {
    EmbeddedChannel channel = new EmbeddedChannel(new TextDisplayDecoder(UTF_8));
    channel.writeInbound(Unpooled.wrappedBuffer(GBK_NIHAO));
    assertThat((String) channel.readInbound()).isEqualTo("\\xC4\\xE3\\xBA");
    assertThat(channel.finish()).isTrue();
    assertThat((String) channel.readInbound()).isEqualTo("\\xC3");
  }

  @Test
  @Timeout(10)
  void dataThatCompletesTheCharacterInTimeCancelsTheIdleFlush() {
    byte[] hao = "好".getBytes(StreamSamples.GBK);
    EmbeddedChannel channel =
        new EmbeddedChannel(new TextDisplayDecoder(StreamSamples.GBK, Duration.ofMillis(200)));
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {hao[0]}));
    channel.advanceTimeBy(150, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
    channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {hao[1]}));
    assertThat((String) channel.readInbound()).isEqualTo("好");
    channel.advanceTimeBy(1, TimeUnit.MINUTES);
    channel.runScheduledPendingTasks();
    assertThat((Object) channel.readInbound()).isNull();
    assertThat(channel.finish()).isFalse();
  }

  @Test
  void largeRandomStreamIsTheSameWhateverTheSplit() {
    byte[] data = new byte[64 * 1024];
    Random random = new Random(64);
    random.nextBytes(data);
    String text = StreamSamples.randomText(random, 4000, false);
    byte[] utf8 = text.getBytes(UTF_8);
    System.arraycopy(utf8, 0, data, 1000, Math.min(utf8.length, data.length - 1000));
    String whole = String.join("", run(UTF_8, BufferKind.DIRECT, StreamSamples.whole(data)));
    for (long seed : StreamSamples.SEEDS) {
      for (BufferKind kind : BufferKind.values()) {
        assertThat(String.join("", run(UTF_8, kind, StreamSamples.randomSplits(data, seed, 3000))))
            .as("seed %d, %s", seed, kind)
            .isEqualTo(whole);
      }
    }
  }

  /** Feeds the chunks, closes the channel, and returns every string it produced, in order. */
  private static List<String> run(Charset charset, BufferKind kind, List<byte[]> chunks) {
    EmbeddedChannel channel = new EmbeddedChannel(new TextDisplayDecoder(charset));
    List<ByteBuf> sent = new ArrayList<>();
    for (byte[] chunk : chunks) {
      ByteBuf buf = kind.wrap(chunk);
      sent.add(buf);
      channel.writeInbound(buf);
    }
    channel.finish();
    List<String> shown = new ArrayList<>();
    for (Object message; (message = channel.readInbound()) != null; ) {
      assertThat(message).isInstanceOf(String.class);
      shown.add((String) message);
    }
    for (ByteBuf buf : sent) {
      assertThat(buf.refCnt()).as("received buffers are released").isZero();
    }
    return shown;
  }

  private static ByteBuf composite(byte[] bytes) {
    ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    CompositeByteBuf composite = alloc.compositeBuffer(2);
    int half = bytes.length / 2;
    composite.addComponent(true, alloc.heapBuffer(half + 1).writeBytes(bytes, 0, half));
    composite.addComponent(
        true,
        alloc.directBuffer(bytes.length - half + 1).writeBytes(bytes, half, bytes.length - half));
    return composite;
  }
}
