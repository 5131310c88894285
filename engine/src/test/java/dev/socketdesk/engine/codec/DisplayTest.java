package dev.socketdesk.engine.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayTest {
  private static final byte[] DATA = {'H', 'i', '\r', '\n', (byte) 0xFF};

  @Test
  void rendersTextHexOrBoth() {
    assertThat(Display.render(DATA, DisplayMode.TEXT, new TextDecoder(UTF_8)))
        .isEqualTo("Hi\\r\\n\\xFF");
    assertThat(Display.render(DATA, DisplayMode.HEX, null)).isEqualTo("48 69 0D 0A FF");
    assertThat(Display.render(DATA, DisplayMode.BOTH, new TextDecoder(UTF_8)))
        .isEqualTo("Hi\\r\\n\\xFF  |  48 69 0D 0A FF");
  }

  @Test
  void textKeepsASplitCharacterForTheNextChunkWhileHexShowsEveryByte() {
    byte[] ni = "你".getBytes(UTF_8);
    TextDecoder decoder = new TextDecoder(UTF_8);
    assertThat(Display.render(new byte[] {'a', ni[0]}, DisplayMode.BOTH, decoder))
        .isEqualTo("a  |  61 E4");
    assertThat(Display.render(new byte[] {ni[1], ni[2]}, DisplayMode.BOTH, decoder))
        .isEqualTo("你  |  BD A0");
  }

  @Test
  void emptyDataRendersEmpty() {
    assertThat(Display.render(new byte[0], DisplayMode.TEXT, new TextDecoder(UTF_8))).isEmpty();
    assertThat(Display.render(new byte[0], DisplayMode.HEX, null)).isEmpty();
  }
}
