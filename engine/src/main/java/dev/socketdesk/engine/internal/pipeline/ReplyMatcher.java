package dev.socketdesk.engine.internal.pipeline;

import dev.socketdesk.engine.ReplyRule;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds reply-rule matches in one peer's received stream, incrementally: each rule's scanner looks
 * only at what arrived since its last look, plus what may still start a match (a regex whose search
 * ran into the end of the data). Bytes up to the end of a match are consumed, so each match fires
 * once. Bytes that no rule can still use are dropped at once; at most {@link #WINDOW} bytes are
 * ever kept, so a partial match older than that is forgotten. The same scan serves reply rules
 * (which answer a match) and traffic edits (which replace it, {@link TrafficEditHandler}). Not
 * thread-safe: event-loop thread only.
 */
final class ReplyMatcher {
  static final int WINDOW = 8192;
  private static final int MAX_MATCHES_PER_READ = 64;

  private final List<ReplyRule> rules;
  private final Scanner[] scanners;
  private final Window window = new Window();

  ReplyMatcher(List<ReplyRule> rules) {
    this.rules = rules;
    this.scanners = new Scanner[rules.size()];
    for (int i = 0; i < scanners.length; i++) {
      ReplyRule rule = rules.get(i);
      scanners[i] = rule.regex() == null ? new BytesScanner(rule) : new RegexScanner(rule);
    }
  }

  List<ReplyRule> rules() {
    return rules;
  }

  /** How many received bytes are kept because a rule may still need them. */
  int retainedBytes() {
    return (int) (window.end() - window.base);
  }

  /**
   * Appends the readable bytes of {@code data} (without consuming them) and answers every match;
   * returns how many rules fired.
   */
  int feed(ByteBuf data, Consumer<byte[]> respond) {
    return scan(
        data,
        MAX_MATCHES_PER_READ,
        new Sink() {
          @Override
          public void pass(Window window, long from, long to) {}

          @Override
          public void match(ReplyRule rule, Window window, long start, long end) {
            respond.accept(rule.response());
          }
        });
  }

  /**
   * Appends the readable bytes of {@code data} (without consuming them) and reports, in stream
   * order, every match (at most {@code maxMatches}) and the bytes no rule can use any more, which
   * are then forgotten. Bytes a rule may still need stay held (at most {@link #WINDOW}) until a
   * later call or {@link #releaseAll}. Returns how many rules fired.
   */
  int scan(ByteBuf data, int maxMatches, Sink sink) {
    window.append(data);
    int fired = 0;
    while (fired < maxMatches) {
      long bestEnd = -1;
      Scanner best = null;
      for (Scanner scanner : scanners) {
        long end = scanner.nextMatchEnd(window);
        if (end >= 0 && (bestEnd < 0 || end < bestEnd)) {
          bestEnd = end;
          best = scanner;
        }
      }
      if (best == null) {
        break;
      }
      long start = Math.max(window.base, best.matchStart);
      sink.pass(window, window.base, start);
      sink.match(best.rule, window, start, bestEnd);
      fired++;
      consume(bestEnd);
    }
    long needed = window.end();
    for (Scanner scanner : scanners) {
      needed = Math.min(needed, scanner.neededFrom(window));
    }
    long keepFrom = Math.max(needed, window.end() - WINDOW);
    if (keepFrom > window.base) {
      sink.pass(window, window.base, keepFrom);
    }
    consume(keepFrom);
    return fired;
  }

  /** Reports every held byte as passed and forgets any partial match in it. */
  void releaseAll(Sink sink) {
    if (window.end() > window.base) {
      sink.pass(window, window.base, window.end());
    }
    consume(window.end());
  }

  /** Where {@link #scan} reports; the window's bytes are valid only during the call. */
  interface Sink {
    /** The bytes from absolute offset {@code from} to {@code to} matched no rule. */
    void pass(Window window, long from, long to);

    /** {@code rule} matched the bytes from {@code start} to {@code end}. */
    void match(ReplyRule rule, Window window, long start, long end);
  }

  /** Forgets every byte before the absolute offset {@code upTo}. */
  private void consume(long upTo) {
    if (upTo <= window.base) {
      return;
    }
    window.dropBefore(upTo);
    for (Scanner scanner : scanners) {
      scanner.dropBefore(upTo);
    }
  }

  /** The received bytes still of use, addressed by absolute offset in the peer's stream. */
  static final class Window {
    private byte[] bytes = new byte[256];
    private int length;

    /** The absolute offset of {@code bytes[0]}. */
    private long base;

    long end() {
      return base + length;
    }

    byte at(long offset) {
      return bytes[(int) (offset - base)];
    }

    byte[] array() {
      return bytes;
    }

    int index(long offset) {
      return (int) (offset - base);
    }

    void append(ByteBuf data) {
      int n = data.readableBytes();
      if (length + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + n));
      }
      data.getBytes(data.readerIndex(), bytes, length, n);
      length += n;
    }

    void dropBefore(long offset) {
      int n = (int) Math.min(length, offset - base);
      System.arraycopy(bytes, n, bytes, 0, length - n);
      length -= n;
      base += n;
    }
  }

  /** One rule's search state. */
  abstract static class Scanner {
    final ReplyRule rule;

    /** The absolute start offset of the match {@link #nextMatchEnd} last returned. */
    long matchStart;

    Scanner(ReplyRule rule) {
      this.rule = rule;
    }

    /** The absolute end offset of the next match in {@code window}, or -1 for none yet. */
    abstract long nextMatchEnd(Window window);

    /** The first absolute offset this scanner may still need. */
    abstract long neededFrom(Window window);

    /** The window drops the bytes before {@code offset}. */
    abstract void dropBefore(long offset);
  }

  /** An exact byte pattern, searched only over bytes not searched before. */
  private static final class BytesScanner extends Scanner {
    private final byte[] pattern;

    /** Every match starting before this absolute offset has been ruled out. */
    private long searchedFrom;

    BytesScanner(ReplyRule rule) {
      super(rule);
      this.pattern = rule.pattern();
    }

    @Override
    long nextMatchEnd(Window window) {
      long lastStart = window.end() - pattern.length;
      outer:
      for (long start = searchedFrom; start <= lastStart; start++) {
        for (int j = 0; j < pattern.length; j++) {
          if (window.at(start + j) != pattern[j]) {
            continue outer;
          }
        }
        searchedFrom = start;
        matchStart = start;
        return start + pattern.length;
      }
      searchedFrom = Math.max(searchedFrom, lastStart + 1);
      return -1;
    }

    @Override
    long neededFrom(Window window) {
      return searchedFrom;
    }

    @Override
    void dropBefore(long offset) {
      searchedFrom = Math.max(searchedFrom, offset);
    }
  }
}
