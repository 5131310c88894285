package dev.socketdesk.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
  private static final Charset GBK = Charset.forName("GBK");

  @Test
  void showsControlBytesAndInvalidBytesEscaped() {
    TextDecoder decoder = new TextDecoder(StandardCharsets.UTF_8);
    assertThat(decoder.decode(new byte[] {0x48, 0x69, 0x0D, 0x0A, (byte) 0xFF}))
        .isEqualTo("Hi\\r\\n\\xFF");
    assertThat(decoder.flush()).isEmpty();
  }

  @Test
  void completesACharacterSplitAcrossChunks() {
    TextDecoder decoder = new TextDecoder(StandardCharsets.UTF_8);
    byte[] ni = "你".getBytes(StandardCharsets.UTF_8);
    assertThat(decoder.decode(new byte[] {'a', ni[0]})).isEqualTo("a");
    assertThat(decoder.pending()).isEqualTo(1);
    assertThat(decoder.decode(new byte[] {ni[1]})).isEmpty();
    assertThat(decoder.decode(new byte[] {ni[2], 'b'})).isEqualTo("你b");
    assertThat(decoder.pending()).isZero();
  }

  @Test
  void flushShowsAnIncompleteTailAsBytes() {
    TextDecoder decoder = new TextDecoder(GBK);
    assertThat(decoder.decode(new byte[] {'x', (byte) 0xC4})).isEqualTo("x");
    assertThat(decoder.flush()).isEqualTo("\\xC4");
    assertThat(decoder.decode(new byte[] {'y'})).isEqualTo("y");
  }
}
