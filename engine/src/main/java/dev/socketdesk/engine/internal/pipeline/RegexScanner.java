package dev.socketdesk.engine.internal.pipeline;

import dev.socketdesk.engine.ReplyRule;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * A regex rule's scanner: decodes each received byte once, remembering where each character
 * started, and searches again only from the first position a match may still start at.
 *
 * <p>A failed search that never touched the end of the text rules out every start position for
 * good. One that did is narrowed with {@link Matcher#lookingAt()} to the first position whose
 * attempt reaches the end; positions before it are dropped. So text that cannot match costs one
 * look per character, and only a partial match still waiting for its end is looked at again.
 */
final class RegexScanner extends ReplyMatcher.Scanner {
  /**
   * Charsets in which a byte below 0x80 at a character boundary is always that ASCII character, so
   * it can be appended without the decoder. Stateful encodings (ISO-2022) are not among them.
   */
  private static final Set<String> ASCII_COMPATIBLE =
      Set.of(
          "UTF-8",
          "US-ASCII",
          "ISO-8859-1",
          "GBK",
          "GB18030",
          "GB2312",
          "Big5",
          "windows-1252",
          "Shift_JIS",
          "EUC-JP",
          "EUC-KR");

  private final CharsetDecoder decoder;
  private final boolean asciiFast;
  private final Matcher matcher;
  private final CharBuffer one = CharBuffer.allocate(2);

  private char[] chars = new char[256];

  /** The absolute byte offset at which each character starts. */
  private long[] starts = new long[256];

  private int count;

  /** The absolute byte offset up to which bytes are decoded (an incomplete character waits). */
  private long decodedTo;

  /** The first character index at which a match may still start. */
  private int liveFrom;

  RegexScanner(ReplyRule rule) {
    super(rule);
    Charset charset = rule.charset();
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    this.asciiFast = ASCII_COMPATIBLE.contains(charset.name());
    this.matcher = rule.regex().matcher("");
    matcher.useTransparentBounds(true).useAnchoringBounds(false);
  }

  @Override
  long nextMatchEnd(ReplyMatcher.Window window) {
    decode(window);
    if (liveFrom >= count) {
      return -1;
    }
    matcher.reset(CharBuffer.wrap(chars, 0, count)).region(liveFrom, count);
    while (matcher.find()) {
      if (matcher.end() > matcher.start()) {
        matchStart = starts[matcher.start()];
        return matcher.end() < count ? starts[matcher.end()] : decodedTo;
      }
      if (matcher.end() >= count) {
        break;
      }
    }
    if (!matcher.hitEnd()) {
      liveFrom = count;
      return -1;
    }
    while (liveFrom < count) {
      matcher.region(liveFrom, count).lookingAt();
      if (matcher.hitEnd()) {
        break;
      }
      liveFrom++;
    }
    return -1;
  }

  @Override
  long neededFrom(ReplyMatcher.Window window) {
    return liveFrom < count ? starts[liveFrom] : decodedTo;
  }

  @Override
  void dropBefore(long offset) {
    int drop = 0;
    while (drop < count && starts[drop] < offset) {
      drop++;
    }
    System.arraycopy(chars, drop, chars, 0, count - drop);
    System.arraycopy(starts, drop, starts, 0, count - drop);
    count -= drop;
    liveFrom = Math.max(0, liveFrom - drop);
    if (decodedTo < offset) {
      decodedTo = offset;
      decoder.reset();
    }
  }

  /** Decodes the bytes received since the last call, up to the last complete character. */
  private void decode(ReplyMatcher.Window window) {
    byte[] bytes = window.array();
    int from = window.index(decodedTo);
    ByteBuffer in = ByteBuffer.wrap(bytes, from, window.index(window.end()) - from);
    while (in.hasRemaining()) {
      int at = in.position();
      long offset = decodedTo + (at - from);
      if (asciiFast && bytes[at] >= 0) {
        append((char) bytes[at], offset);
        in.position(at + 1);
        continue;
      }
      one.clear().limit(1);
      CoderResult result = decoder.decode(in, one, false);
      if (one.position() == 0 && result.isOverflow()) {
        one.limit(2);
        decoder.decode(in, one, false);
      }
      if (one.position() == 0) {
        break;
      }
      for (int i = 0; i < one.position(); i++) {
        append(one.get(i), offset);
      }
    }
    decodedTo += in.position() - from;
  }

  private void append(char c, long offset) {
    if (count == chars.length) {
      chars = Arrays.copyOf(chars, count * 2);
      starts = Arrays.copyOf(starts, count * 2);
    }
    chars[count] = c;
    starts[count] = offset;
    count++;
  }
}
