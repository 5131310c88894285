package dev.socketdesk.bench;

import java.nio.charset.Charset;
import java.util.Random;

/** Deterministic benchmark inputs that look like what boards send. */
final class Payloads {
  private static final String[] LINES = {
    "Hello WalnutPi!\r\n",
    "I got: temperature=23.5C humidity=41%\r\n",
    "你好，世界 传感器数据 OK\r\n",
    "{\"id\":7,\"adc\":[512,498,731],\"state\":\"运行\"}\n",
    "\tstatus\\ready\0\n"
  };

  private Payloads() {}

  /** Text of exactly {@code size} characters or slightly fewer, cut at a line boundary. */
  static String text(int size, long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder(size + 64);
    while (true) {
      String line = LINES[random.nextInt(LINES.length)];
      if (text.length() + line.length() > size) {
        break;
      }
      text.append(line);
    }
    while (text.length() < size) {
      text.append('.');
    }
    return text.toString();
  }

  /**
   * About {@code size} bytes of {@code text(...)} encoded in {@code charset}, with one invalid byte
   * (0xFF) per roughly 64 bytes so the decoder shows escapes, never splitting a character.
   */
  static byte[] receivedBytes(int size, Charset charset, long seed) {
    String text = text(size, seed);
    byte[] out = new byte[size];
    int o = 0;
    int sinceInvalid = 0;
    for (int i = 0; i < text.length() && o < size; ) {
      int cp = text.codePointAt(i);
      byte[] ch = new String(Character.toChars(cp)).getBytes(charset);
      if (o + ch.length + 1 > size) {
        break;
      }
      if (sinceInvalid >= 64 && cp == '\n') {
        out[o++] = (byte) 0xFF;
        sinceInvalid = 0;
      }
      System.arraycopy(ch, 0, out, o, ch.length);
      o += ch.length;
      sinceInvalid += ch.length;
      i += Character.charCount(cp);
    }
    while (o < size) {
      out[o++] = '.';
    }
    return out;
  }

  /** {@code size} random bytes. */
  static byte[] randomBytes(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }
}
