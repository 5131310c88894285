package dev.socketdesk.engine.internal;

import dev.socketdesk.engine.ReplyRule;
import io.netty.buffer.ByteBuf;
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
        return Math.min(length, text.substring(0, m.end()).getBytes(rule.charset()).length);
      }
    }
    return -1;
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
