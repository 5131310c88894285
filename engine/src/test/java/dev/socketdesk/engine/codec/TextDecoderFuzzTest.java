package dev.socketdesk.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.socketdesk.engine.testing.FuzzInput;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.Charset;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz targets for the display decoders, {@link TextDecoder} and the Netty handler {@link
 * TextDisplayDecoder}, in every encoding the UI offers: a stream shows the same text however it is
 * cut into chunks.
 */
@Timeout(10)
class TextDecoderFuzzTest {
  private static final int MAX_CUTS = 16;

  /**
   * Input: a byte picking an offered encoding, the chunk lengths (see {@link #cuts}), then the
   * stream. Decoding the stream whole equals decoding it in any split, then flushing.
   */
  @FuzzTest
  void wholeEqualsAnySplit(byte[] input) {
    FuzzInput data = new FuzzInput(input);
    Charset charset = Charsets.forName(data.pick(Charsets.OFFERED));
    int[] cuts = cuts(data);
    byte[] bytes = data.rest();
    String whole = whole(charset, bytes);

    TextDecoder split = new TextDecoder(charset);
    StringBuilder pieces = new StringBuilder();
    int from = 0;
    for (int cut : cuts) {
      int to = Math.min(bytes.length, from + cut);
      pieces.append(split.decode(bytes, from, to - from));
      from = to;
    }
    pieces.append(split.decode(bytes, from, bytes.length - from)).append(split.flush());
    assertThat(pieces.toString())
        .as("%s split at %s", charset, Arrays.toString(cuts))
        .isEqualTo(whole);
    assertThat(split.pending()).isZero();
    assertThat(whole.chars().noneMatch(Character::isISOControl)).as("escaped: %s", whole).isTrue();
  }

  /** The Netty handler shows the same text, held bytes included at the close. */
  @FuzzTest
  void handlerEqualsWholeAtClose(byte[] input) {
    FuzzInput data = new FuzzInput(input);
    Charset charset = Charsets.forName(data.pick(Charsets.OFFERED));
    int[] cuts = cuts(data);
    byte[] bytes = data.rest();

    EmbeddedChannel channel = new EmbeddedChannel(new TextDisplayDecoder(charset));
    int from = 0;
    for (int cut : cuts) {
      int to = Math.min(bytes.length, from + cut);
      channel.writeInbound(Unpooled.wrappedBuffer(bytes, from, to - from));
      from = to;
    }
    channel.writeInbound(Unpooled.wrappedBuffer(bytes, from, bytes.length - from));
    channel.close();
    StringBuilder shown = new StringBuilder();
    for (Object text = channel.readInbound(); text != null; text = channel.readInbound()) {
      shown.append((String) text);
    }
    assertThat(shown.toString()).isEqualTo(whole(charset, bytes));
  }

  private static String whole(Charset charset, byte[] bytes) {
    TextDecoder decoder = new TextDecoder(charset);
    return decoder.decode(bytes) + decoder.flush();
  }

  /**
   * Up to {@link #MAX_CUTS} chunk lengths of 0 (an empty read) to 63 bytes: a count byte, then one
   * byte per length.
   */
  private static int[] cuts(FuzzInput data) {
    int[] cuts = new int[data.nextByte() % (MAX_CUTS + 1)];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = data.nextByte() % 64;
    }
    return cuts;
  }
}
