package dev.socketdesk.engine.codec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Byte streams with their expected display text, built from parts whose display is written out by
 * hand, and the ways tests cut a stream into chunks.
 */
final class StreamSamples {
  static final Charset GBK = Charset.forName("GBK");
  static final Charset GB18030 = Charset.forName("GB18030");
  static final long[] SEEDS = {1L, 7L, 42L, 20261121L, 0xC0DECL};

  /** A stream: its charset, bytes, the display text while open, and what flush() adds. */
  record Sample(String name, Charset charset, byte[] bytes, String display, String flushed) {
    @Override
    public String toString() {
      return name;
    }
  }

  private final String name;
  private final Charset charset;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final StringBuilder display = new StringBuilder();

  private StreamSamples(String name, Charset charset) {
    this.name = name;
    this.charset = charset;
  }

  static List<Sample> all() {
    return List.of(utf8(), gbk(), gb18030());
  }

  static Sample utf8() {
    return new StreamSamples("UTF-8", StandardCharsets.UTF_8)
        .text("Hello WalnutPi! 你好，世界")
        .raw("0D 0A", "\\r\\n")
        .raw("FF", "\\xFF")
        .raw("C0 AF", "\\xC0\\xAF")
        .raw("E4 BD 41", "\\xE4\\xBDA")
        .raw("09 00 1B 7F", "\\t\\0\\x1B\\x7F")
        .raw("5C", "\\\\")
        .raw("F0 9F 98 80", "😀")
        .raw("C2 85", "\\u0085")
        .raw("ED A0 80", "\\xED\\xA0\\x80")
        .text("end")
        .end("E4 B8", "\\xE4\\xB8");
  }

  static Sample gbk() {
    return new StreamSamples("GBK", GBK)
        .text("你好，世界 Hello")
        .raw("0D 0A", "\\r\\n")
        .raw("80 41", "\\x80A")
        .raw("C4 0A", "\\xC4\\n")
        .raw("C4 FF 41", "\\xC4\\xFFA")
        .raw("5C 00", "\\\\\\0")
        .text("中文")
        .end("C4", "\\xC4");
  }

  static Sample gb18030() {
    return new StreamSamples("GB18030", GB18030)
        .text("😀€你")
        .raw("81 30 FF 41", "\\x81\\x30\\xFFA")
        .raw("81 30 81 30", "\\u0080")
        .text("好\r")
        .raw("1B", "\\x1B")
        .end("81 30", "\\x81\\x30");
  }

  private StreamSamples text(String text) {
    bytes.writeBytes(text.getBytes(charset));
    display.append(text.replace("\r", "\\r"));
    return this;
  }

  private StreamSamples raw(String hex, String shown) {
    bytes.writeBytes(Hex.parse(hex));
    display.append(shown);
    return this;
  }

  private Sample end(String incompleteHex, String flushed) {
    bytes.writeBytes(Hex.parse(incompleteHex));
    return new Sample(name, charset, bytes.toByteArray(), display.toString(), flushed);
  }

  /** The whole stream as one chunk. */
  static List<byte[]> whole(byte[] data) {
    return List.of(data.clone());
  }

  /** One chunk per byte. */
  static List<byte[]> byteByByte(byte[] data) {
    List<byte[]> chunks = new ArrayList<>(data.length);
    for (byte b : data) {
      chunks.add(new byte[] {b});
    }
    return chunks;
  }

  /** Chunks of 0 to {@code maxChunk} bytes at positions chosen by {@code seed}. */
  static List<byte[]> randomSplits(byte[] data, long seed, int maxChunk) {
    Random random = new Random(seed);
    List<byte[]> chunks = new ArrayList<>();
    int at = 0;
    while (at < data.length) {
      int size = Math.min(data.length - at, random.nextInt(maxChunk + 1));
      byte[] chunk = new byte[size];
      System.arraycopy(data, at, chunk, 0, size);
      chunks.add(chunk);
      at += size;
    }
    return chunks;
  }

  /** Two chunks, cut at {@code at}. */
  static List<byte[]> cutAt(byte[] data, int at) {
    byte[] first = new byte[at];
    byte[] second = new byte[data.length - at];
    System.arraycopy(data, 0, first, 0, at);
    System.arraycopy(data, at, second, 0, second.length);
    return List.of(first, second);
  }

  /**
   * The display rule, written independently of {@link TextDecoder}: for text without invalid
   * sequences, each code point shown as itself except the documented escapes.
   */
  static String expectedDisplay(String text, boolean latin1) {
    StringBuilder shown = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '\r' -> shown.append("\\r");
                case '\n' -> shown.append("\\n");
                case '\t' -> shown.append("\\t");
                case 0 -> shown.append("\\0");
                case '\\' -> shown.append("\\\\");
                default -> {
                  if (cp < 0x20 || cp == 0x7F || (latin1 && cp >= 0x80 && cp <= 0x9F)) {
                    shown.append(String.format("\\x%02X", cp));
                  } else if (cp >= 0x80 && cp <= 0x9F) {
                    shown.append(String.format("\\u%04X", cp));
                  } else {
                    shown.appendCodePoint(cp);
                  }
                }
              }
            });
    return shown.toString();
  }

  /** Random text from printable ASCII, controls, CJK, full-width punctuation and emoji. */
  static String randomText(Random random, int codePoints, boolean bmpCjkOnly) {
    String cjk = "你好世界中文汉字测试，。！数据串口网络调试助手";
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < codePoints; i++) {
      int kind = random.nextInt(10);
      if (kind < 4) {
        text.append((char) (0x20 + random.nextInt(0x5F)));
      } else if (kind < 5) {
        text.append((char) random.nextInt(0x20));
      } else if (kind < 8 || bmpCjkOnly) {
        text.append(cjk.charAt(random.nextInt(cjk.length())));
      } else if (kind < 9) {
        text.appendCodePoint(0x1F600 + random.nextInt(0x40));
      } else {
        text.append((char) (0x4E00 + random.nextInt(0x5000)));
      }
    }
    return text.toString();
  }
}
