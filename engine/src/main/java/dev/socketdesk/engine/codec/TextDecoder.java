package dev.socketdesk.engine.codec;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Turns a stream of received chunks into display text, one instance per peer and direction.
 *
 * <p>Every byte is accounted for: decodable characters appear as themselves, except that control
 * characters are escaped ({@code \r \n \t \0}, other C0 controls and DEL as {@code \xHH}, C1
 * controls as {@code \xHH} in ISO-8859-1 and <code>&#92;u0085</code> style otherwise) and a
 * backslash appears as {@code \\}. A byte sequence that is invalid or unmappable in the charset
 * appears as {@code \xHH} per byte. A multi-byte character split across chunks is held back and
 * completed by the next chunk, so splitting the input anywhere yields the same concatenated text;
 * {@link #flush()} shows held bytes that never got completed.
 *
 * <p>Not thread-safe. Buffers are reused between calls; the only allocations per chunk are the
 * returned string and small constant-size wrappers. Memory held per instance is about 4 KiB plus
 * the display text of the largest chunk seen. Held-back bytes are bounded by the charset's longest
 * sequence (4 bytes for UTF-8 and GB18030).
 */
public final class TextDecoder {
  /**
   * How long a stream may hold back an incomplete character before a viewer shows its bytes: data
   * that completes a character comes in the same burst, so a longer pause means it never will.
   */
  public static final Duration IDLE_FLUSH = Duration.ofMillis(250);

  private static final int HEAD = 32;
  private static final int OUT_CHARS = 2048;

  private final Charset charset;
  private final CharsetDecoder decoder;
  private final boolean latin1;
  private final CharBuffer out = CharBuffer.allocate(OUT_CHARS);
  private final StringBuilder text = new StringBuilder(256);
  private byte[] held = new byte[8];
  private int heldLength;
  private byte[] joined = new byte[HEAD + 8];

  /** A decoder for {@code charset}; see {@link Charsets#forName} for names users type. */
  public TextDecoder(Charset charset) {
    this.charset = Objects.requireNonNull(charset, "charset");
    this.decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    this.latin1 = charset.equals(StandardCharsets.ISO_8859_1);
  }

  /** The charset this decoder reads. */
  public Charset charset() {
    return charset;
  }

  /** Decodes a whole chunk; see {@link #decode(byte[], int, int)}. */
  public String decode(byte[] chunk) {
    return decode(chunk, 0, chunk.length);
  }

  /**
   * Decodes the readable bytes of {@code chunk} without changing its indexes or releasing it; see
   * {@link #decode(byte[], int, int)}.
   */
  public String decode(ByteBuf chunk) {
    int index = chunk.readerIndex();
    int length = chunk.readableBytes();
    if (chunk.hasArray()) {
      return decode(chunk.array(), chunk.arrayOffset() + index, length);
    }
    if (chunk.nioBufferCount() == 1) {
      return decode(chunk.nioBuffer(index, length));
    }
    byte[] copy = new byte[length];
    chunk.getBytes(index, copy);
    return decode(copy, 0, length);
  }

  /**
   * Decodes the next {@code len} bytes of the stream, held back bytes of the previous chunk first.
   *
   * @return the display text for every byte that could be decided; {@code ""} if none.
   */
  public String decode(byte[] chunk, int off, int len) {
    Objects.checkFromIndexSize(off, len, chunk.length);
    return decode(ByteBuffer.wrap(chunk, off, len));
  }

  private String decode(ByteBuffer chunk) {
    text.setLength(0);
    if (heldLength > 0) {
      int previous = heldLength;
      int head = Math.min(chunk.remaining(), HEAD);
      ByteBuffer first = joinHeld(chunk, chunk.position(), head);
      decodeInto(first);
      int consumed = first.position() - previous;
      if (head == chunk.remaining()) {
        return text.toString();
      }
      if (consumed < 0) {
        ByteBuffer all = joinHeld(chunk, chunk.position() + head, chunk.remaining() - head);
        decodeInto(all);
        return text.toString();
      }
      heldLength = 0;
      chunk.position(chunk.position() + consumed);
    }
    decodeInto(chunk);
    return text.toString();
  }

  /**
   * Decodes a message that stands alone, such as a datagram: nothing is carried into it or out of
   * it. Bytes still held from an earlier {@link #decode} come first, as {@code \xHH} each; an
   * incomplete character at the end of {@code message} shows as {@code \xHH} too. Leaves the
   * decoder empty.
   */
  public String decodeWhole(byte[] message) {
    String before = heldLength > 0 ? flush() : "";
    String text = decode(message);
    String after = heldLength > 0 ? flush() : "";
    return before.isEmpty() && after.isEmpty() ? text : before + text + after;
  }

  /**
   * Ends the stream: returns bytes held back as an incomplete character, as {@code \xHH} each
   * ({@code ""} if none), and resets the decoder for a new stream.
   */
  public String flush() {
    text.setLength(0);
    for (int i = 0; i < heldLength; i++) {
      Hex.appendByteEscape(text, held[i]);
    }
    heldLength = 0;
    decoder.reset();
    return text.toString();
  }

  /** The number of bytes held back, waiting for the rest of a character. */
  public int pending() {
    return heldLength;
  }

  /** Held bytes then {@code length} bytes of {@code chunk} from {@code index}; empties held. */
  private ByteBuffer joinHeld(ByteBuffer chunk, int index, int length) {
    int total = heldLength + length;
    if (joined.length < total) {
      joined = new byte[Math.max(total, joined.length * 2)];
    }
    System.arraycopy(held, 0, joined, 0, heldLength);
    chunk.get(index, joined, heldLength, length);
    heldLength = 0;
    return ByteBuffer.wrap(joined, 0, total);
  }

  /**
   * Decodes {@code in} into {@link #text}; copies an incomplete trailing sequence into held and
   * leaves {@code in} positioned at its start.
   */
  private void decodeInto(ByteBuffer in) {
    while (true) {
      CoderResult result = decoder.decode(in, out, false);
      if (result.isOverflow()) {
        drain();
      } else if (result.isUnderflow()) {
        drain();
        hold(in);
        return;
      } else {
        drain();
        for (int i = 0, n = result.length(); i < n; i++) {
          Hex.appendByteEscape(text, in.get());
        }
      }
    }
  }

  private void hold(ByteBuffer in) {
    int n = in.remaining();
    if (n > held.length) {
      held = Arrays.copyOf(held, Math.max(n, held.length * 2));
    }
    in.get(in.position(), held, 0, n);
    heldLength = n;
  }

  /** Appends the decoded characters in {@link #out} to {@link #text}, escaping as documented. */
  private void drain() {
    char[] chars = out.array();
    int end = out.position();
    int run = 0;
    for (int i = 0; i < end; i++) {
      char c = chars[i];
      if (c < 0x20 || c == '\\' || (c >= 0x7F && c <= 0x9F)) {
        text.append(chars, run, i - run);
        appendEscaped(c);
        run = i + 1;
      }
    }
    text.append(chars, run, end - run);
    out.clear();
  }

  private void appendEscaped(char c) {
    switch (c) {
      case '\r' -> text.append("\\r");
      case '\n' -> text.append("\\n");
      case '\t' -> text.append("\\t");
      case '\0' -> text.append("\\0");
      case '\\' -> text.append("\\\\");
      default -> {
        if (c <= 0x7F || latin1) {
          Hex.appendByteEscape(text, c);
        } else {
          text.append("\\u00");
          Hex.appendPair(text, c);
        }
      }
    }
  }
}
