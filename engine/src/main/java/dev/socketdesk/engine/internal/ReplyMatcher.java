package dev.socketdesk.engine.internal;

import dev.socketdesk.engine.ReplyRule;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * Finds reply-rule matches in one peer's received stream. Keeps a window of the most recent {@link
 * #WINDOW} bytes, so a match split across reads is found; bytes up to the end of a match are
 * consumed, so each match fires once. Not thread-safe.
 */
final class ReplyMatcher {
  static final int WINDOW = 8192;
  private static final int MAX_MATCHES_PER_READ = 64;

  private final List<ReplyRule> rules;
  private byte[] window = new byte[256];
  private int length;

  ReplyMatcher(List<ReplyRule> rules) {
    this.rules = rules;
  }

  List<ReplyRule> rules() {
    return rules;
  }

  /** Appends the readable bytes of {@code data} (not consumed) and answers every match. */
  void feed(ByteBuf data, Consumer<byte[]> respond) {
    append(data);
    for (int n = 0; n < MAX_MATCHES_PER_READ; n++) {
      int bestEnd = -1;
      ReplyRule best = null;
      for (ReplyRule rule : rules) {
        int end = matchEnd(rule);
        if (end >= 0 && (bestEnd < 0 || end < bestEnd)) {
          bestEnd = end;
          best = rule;
        }
      }
      if (best == null) {
        break;
      }
      respond.accept(best.response());
      consume(bestEnd);
    }
    if (length > WINDOW) {
      consume(length - WINDOW);
    }
  }

  private int matchEnd(ReplyRule rule) {
    if (rule.regex() == null) {
      byte[] pattern = rule.pattern();
      int at = indexOf(pattern);
      return at < 0 ? -1 : at + pattern.length;
    }
    String text = new String(window, 0, length, rule.charset());
    Matcher m = rule.regex().matcher(text);
    while (m.find()) {
      if (m.end() > 0) {
        return bytesOfChars(text, m.end(), rule.charset());
      }
    }
    return -1;
  }

  /**
   * How many bytes of the window decode to the first {@code chars} chars of {@code text} (the whole
   * window decoded). Decodes char by char, so that an invalid byte, shown as one U+FFFD, counts as
   * the bytes it really was.
   */
  private int bytesOfChars(String text, int chars, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    ByteBuffer in = ByteBuffer.wrap(window, 0, length);
    CharBuffer out = CharBuffer.allocate(2);
    int produced = 0;
    while (produced < chars && in.hasRemaining()) {
      out.clear().limit(1);
      decoder.decode(in, out, true);
      if (out.position() == 0) {
        out.limit(2);
        decoder.decode(in, out, true);
        if (out.position() == 0) {
          break;
        }
      }
      for (int i = 0; i < out.position(); i++) {
        if (produced >= text.length() || text.charAt(produced) != out.get(i)) {
          return reencoded(text, chars, charset);
        }
        produced++;
      }
    }
    return produced == chars ? in.position() : reencoded(text, chars, charset);
  }

  /** The byte count by re-encoding; only if the decoder disagrees with {@link String}. */
  private int reencoded(String text, int chars, Charset charset) {
    return Math.min(length, text.substring(0, chars).getBytes(charset).length);
  }

  private int indexOf(byte[] pattern) {
    outer:
    for (int i = 0; i <= length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (window[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private void append(ByteBuf data) {
    int n = data.readableBytes();
    if (length + n > window.length) {
      window = Arrays.copyOf(window, Math.max(window.length * 2, length + n));
    }
    data.getBytes(data.readerIndex(), window, length, n);
    length += n;
  }

  private void consume(int n) {
    System.arraycopy(window, n, window, 0, length - n);
    length -= n;
  }
}
