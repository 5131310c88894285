package dev.socketdesk.engine.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * Encodes ranges of one text, interleaved with raw bytes, as one continuous encoding that refuses
 * (rather than replaces) characters the charset cannot represent. Single use, not thread-safe.
 */
final class StrictEncoder {
  private final CharSequence text;
  private final CharBuffer chars;
  private final CharsetEncoder encoder;
  private ByteBuffer out;

  StrictEncoder(CharSequence text, Charset charset) {
    this.text = text;
    this.chars = CharBuffer.wrap(text.toString().toCharArray());
    this.encoder =
        charset
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    long estimate = (long) Math.ceil(text.length() * (double) encoder.averageBytesPerChar()) + 16;
    this.out = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, estimate));
  }

  /** Appends {@code text[start, end)} encoded. */
  void encode(int start, int end) {
    if (start >= end) {
      return;
    }
    chars.limit(end).position(start);
    while (true) {
      CoderResult result = encoder.encode(chars, out, false);
      if (result.isOverflow()) {
        grow(16);
      } else if (result.isUnderflow()) {
        if (chars.hasRemaining()) {
          throw unencodable(chars.position(), true);
        }
        return;
      } else {
        throw unencodable(chars.position(), result.isMalformed());
      }
    }
  }

  /** Appends one raw byte. */
  void put(int b) {
    if (!out.hasRemaining()) {
      grow(1);
    }
    out.put((byte) b);
  }

  /** Ends the encoding and returns every byte appended. */
  byte[] finish() {
    chars.limit(chars.capacity()).position(chars.capacity());
    while (true) {
      CoderResult result = encoder.encode(chars, out, true);
      if (result.isUnderflow()) {
        result = encoder.flush(out);
      }
      if (result.isUnderflow()) {
        return Arrays.copyOf(out.array(), out.position());
      }
      grow(16);
    }
  }

  private void grow(int atLeast) {
    int capacity = out.capacity();
    ByteBuffer bigger = ByteBuffer.allocate(Math.max(capacity + atLeast, capacity * 2));
    out.flip();
    out = bigger.put(out);
  }

  private PayloadFormatException unencodable(int position, boolean malformed) {
    char c = text.charAt(position);
    String what =
        Character.isSurrogate(c) && malformed
            ? String.format("an unpaired surrogate U+%04X", (int) c)
            : PayloadFormatException.describe(c);
    return new PayloadFormatException(
        what
            + " at position "
            + (position + 1)
            + " of "
            + PayloadFormatException.quote(text, position)
            + " cannot be encoded in "
            + encoder.charset().name()
            + "; choose an encoding that has it (e.g. UTF-8) or write its bytes as \\xHH",
        position);
  }
}
