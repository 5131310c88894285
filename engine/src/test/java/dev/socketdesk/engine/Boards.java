package dev.socketdesk.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Helpers that behave like the tutorial boards' socket programs. */
final class Boards {
  private Boards() {}

  static final byte[] GREETING = "Hello WalnutPi!".getBytes(StandardCharsets.UTF_8);

  /** Reads until {@code n} bytes arrived (a board's recv() may return fewer). */
  static byte[] readExactly(InputStream in, int n) throws IOException {
    byte[] data = in.readNBytes(n);
    if (data.length != n) {
      throw new IOException("EOF after " + data.length + " of " + n + " bytes: " + text(data));
    }
    return data;
  }

  static String readText(Socket socket, String expected) throws IOException {
    return text(readExactly(socket.getInputStream(), utf8(expected).length));
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] data) {
    return new String(data, StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
