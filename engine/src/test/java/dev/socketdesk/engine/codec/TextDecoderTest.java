package dev.socketdesk.engine.codec;

import static dev.socketdesk.engine.codec.StreamSamples.GB18030;
import static dev.socketdesk.engine.codec.StreamSamples.GBK;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.codec.StreamSamples.Sample;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TextDecoderTest {

  static Stream<Sample> samples() {
    return StreamSamples.all().stream();
  }

  @Test
  @Timeout(10)
  void decodeWholeCarriesNothingIntoOrOutOfAMessage() {
    TextDecoder decoder = new TextDecoder(UTF_8);
    byte[] gbkNihao = {(byte) 0xC4, (byte) 0xE3, (byte) 0xBA, (byte) 0xC3};
    assertThat(decoder.decodeWhole(gbkNihao)).isEqualTo("\\xC4\\xE3\\xBA\\xC3");
    assertThat(decoder.pending()).isZero();
    assertThat(decoder.decodeWhole("AB".getBytes(UTF_8))).isEqualTo("AB");
    assertThat(decoder.decode(new byte[] {(byte) 0xE4, (byte) 0xBD})).isEmpty();
    assertThat(decoder.decodeWhole("好".getBytes(UTF_8)))
        .as("bytes held by an earlier stream read come first, as bytes")
        .isEqualTo("\\xE4\\xBD好");
    TextDecoder gbk = new TextDecoder(GBK);
    for (byte[] datagram : List.of(gbkNihao, "你好".getBytes(GBK))) {
      assertThat(gbk.decodeWhole(datagram)).isEqualTo("你好");
    }
  }

  @Test
  void showsControlBytesAndInvalidBytesEscaped() {
    TextDecoder decoder = new TextDecoder(UTF_8);
    assertThat(decoder.decode(new byte[] {0x48, 0x69, 0x0D, 0x0A, (byte) 0xFF}))
        .isEqualTo("Hi\\r\\n\\xFF");
    assertThat(decoder.flush()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("samples")
  void wholeInputShowsEveryByte(Sample sample) {
    TextDecoder decoder = new TextDecoder(sample.charset());
    assertThat(decoder.decode(sample.bytes())).isEqualTo(sample.display());
    assertThat(decoder.flush()).isEqualTo(sample.flushed());
  }

  @ParameterizedTest
  @MethodSource("samples")
  void oneByteAtATimeGivesTheSameText(Sample sample) {
    assertThat(decodeAll(sample.charset(), StreamSamples.byteByByte(sample.bytes())))
        .isEqualTo(sample.display() + sample.flushed());
  }

  @ParameterizedTest
  @MethodSource("samples")
  void seededRandomSplitsGiveTheSameText(Sample sample) {
    for (long seed : StreamSamples.SEEDS) {
      for (int maxChunk : new int[] {3, 7, 40}) {
        List<byte[]> chunks = StreamSamples.randomSplits(sample.bytes(), seed, maxChunk);
        assertThat(decodeAll(sample.charset(), chunks))
            .as("seed %d, chunks up to %d bytes", seed, maxChunk)
            .isEqualTo(sample.display() + sample.flushed());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("samples")
  void everyCutIntoTwoGivesTheSameText(Sample sample) {
    for (int at = 0; at <= sample.bytes().length; at++) {
      assertThat(decodeAll(sample.charset(), StreamSamples.cutAt(sample.bytes(), at)))
          .as("cut at %d", at)
          .isEqualTo(sample.display() + sample.flushed());
    }
  }

  @Test
  void completesACharacterSplitAcrossChunks() {
    TextDecoder decoder = new TextDecoder(UTF_8);
    byte[] ni = "你".getBytes(UTF_8);
    assertThat(decoder.decode(new byte[] {'a', ni[0]})).isEqualTo("a");
    assertThat(decoder.pending()).isEqualTo(1);
    assertThat(decoder.decode(new byte[] {ni[1]})).isEmpty();
    assertThat(decoder.decode(new byte[] {ni[2], 'b'})).isEqualTo("你b");
    assertThat(decoder.pending()).isZero();
  }

  @Test
  void completesAGbkCharacterSplitAcrossChunks() {
    TextDecoder decoder = new TextDecoder(GBK);
    assertThat(decoder.decode(new byte[] {(byte) 0xC4})).isEmpty();
    assertThat(decoder.decode(new byte[] {(byte) 0xE3, (byte) 0xBA})).isEqualTo("你");
    assertThat(decoder.decode(new byte[] {(byte) 0xC3, 'X'})).isEqualTo("好X");
  }

  @Test
  void flushShowsAnIncompleteTailAsBytesAndResets() {
    TextDecoder decoder = new TextDecoder(GBK);
    assertThat(decoder.decode(new byte[] {'x', (byte) 0xC4})).isEqualTo("x");
    assertThat(decoder.flush()).isEqualTo("\\xC4");
    assertThat(decoder.pending()).isZero();
    assertThat(decoder.decode(new byte[] {'y'})).isEqualTo("y");
    assertThat(decoder.flush()).isEmpty();
  }

  @Test
  void latin1ShowsEveryByteValue() {
    byte[] all = new byte[256];
    StringBuilder original = new StringBuilder();
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
      original.append((char) i);
    }
    String expected = StreamSamples.expectedDisplay(original.toString(), true);
    assertThat(expected).startsWith("\\0\\x01").contains("~\\x7F\\x80").endsWith("þÿ");
    assertThat(decodeAll(ISO_8859_1, StreamSamples.whole(all))).isEqualTo(expected);
    assertThat(decodeAll(ISO_8859_1, StreamSamples.byteByByte(all))).isEqualTo(expected);
  }

  @Test
  void asciiShowsHighBytesAsHex() {
    TextDecoder decoder = new TextDecoder(Charsets.forName("US-ASCII"));
    assertThat(decoder.decode(new byte[] {'O', 'K', (byte) 0x80, (byte) 0xFF, '!'}))
        .isEqualTo("OK\\x80\\xFF!");
  }

  @Test
  void randomTextMatchesTheDisplayRuleForEverySplit() {
    for (Charset charset : List.of(UTF_8, GB18030, GBK)) {
      for (long seed : StreamSamples.SEEDS) {
        Random random = new Random(seed);
        String text = StreamSamples.randomText(random, 3000, charset == GBK);
        String expected = StreamSamples.expectedDisplay(text, false);
        byte[] bytes = text.getBytes(charset);
        assertThat(decodeAll(charset, StreamSamples.whole(bytes))).isEqualTo(expected);
        assertThat(decodeAll(charset, StreamSamples.byteByByte(bytes))).isEqualTo(expected);
        assertThat(decodeAll(charset, StreamSamples.randomSplits(bytes, seed, 50)))
            .as("%s seed %d", charset, seed)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void randomBytesNeverLoseAByteWhateverTheSplit() {
    for (Charset charset : List.of(UTF_8, GBK, GB18030)) {
      for (long seed : StreamSamples.SEEDS) {
        byte[] noise = new byte[70_000];
        new Random(seed).nextBytes(noise);
        String whole = decodeAll(charset, StreamSamples.whole(noise));
        assertThat(whole.length()).as("at least one char per two bytes").isGreaterThan(35_000);
        assertThat(decodeAll(charset, StreamSamples.randomSplits(noise, seed, 9000)))
            .as("%s seed %d", charset, seed)
            .isEqualTo(whole);
        assertThat(decodeAll(charset, StreamSamples.randomSplits(noise, seed, 5))).isEqualTo(whole);
      }
    }
  }

  @Test
  void bigChunksOfTextDecodeCompletely() {
    String text = "串口调试 serial\n".repeat(6000);
    byte[] bytes = text.getBytes(UTF_8);
    assertThat(bytes.length).isGreaterThan(100_000);
    TextDecoder decoder = new TextDecoder(UTF_8);
    assertThat(decoder.decode(bytes)).isEqualTo(text.replace("\n", "\\n"));
  }

  @Test
  void decodesARangeOfAnArray() {
    byte[] data = "xxHelloyy".getBytes(UTF_8);
    assertThat(new TextDecoder(UTF_8).decode(data, 2, 5)).isEqualTo("Hello");
    assertThat(new TextDecoder(UTF_8).decode(data, 9, 0)).isEmpty();
  }

  @Test
  void decodesHeapDirectAndCompositeBuffersWithoutTouchingThem() {
    byte[] bytes = "A你B".getBytes(UTF_8);
    ByteBuf heap = Unpooled.wrappedBuffer(new byte[] {'z', 'z'}, bytes).readerIndex(2);
    ByteBuf direct = PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(bytes);
    ByteBuf composite =
        Unpooled.wrappedBuffer(
            Unpooled.wrappedBuffer(bytes, 0, 2), Unpooled.wrappedBuffer(bytes, 2, 3));
    ByteBuf slice = Unpooled.wrappedBuffer(new byte[] {'q', bytes[0], bytes[1], 'q'}).slice(1, 2);
    try {
      for (ByteBuf buf : List.of(heap, direct, composite)) {
        int reader = buf.readerIndex();
        assertThat(new TextDecoder(UTF_8).decode(buf)).isEqualTo("A你B");
        assertThat(buf.readerIndex()).isEqualTo(reader);
        assertThat(buf.refCnt()).isEqualTo(1);
      }
      TextDecoder split = new TextDecoder(UTF_8);
      assertThat(split.decode(slice)).isEqualTo("A");
      ByteBuf rest = PooledByteBufAllocator.DEFAULT.directBuffer().writeBytes(bytes, 2, 3);
      try {
        assertThat(split.decode(rest)).isEqualTo("你B");
      } finally {
        rest.release();
      }
    } finally {
      heap.release();
      direct.release();
      composite.release();
      slice.release();
    }
  }

  static String decodeAll(Charset charset, List<byte[]> chunks) {
    TextDecoder decoder = new TextDecoder(charset);
    StringBuilder text = new StringBuilder();
    for (byte[] chunk : chunks) {
      text.append(decoder.decode(chunk));
    }
    return text.append(decoder.flush()).toString();
  }
}
