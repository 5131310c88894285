package dev.socketdesk.core.script.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.codec.Checksum;
import dev.socketdesk.engine.testing.Splits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Matching is over the stream, not over reads: the same data cut whole, byte by byte and at seeded
 * random places gives the same matches, and consumed bytes are not matched again.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StreamMatchingTest {

  /** Feeds {@code reads} one at a time and runs each matcher as soon as it can match. */
  static List<String> matchAll(List<byte[]> reads, List<ByteMatcher> matchers) {
    ReceiveBuffer buffer = new ReceiveBuffer();
    List<String> found = new ArrayList<>();
    int next = 0;
    long from = Long.MIN_VALUE;
    for (byte[] read : reads) {
      buffer.append(read);
      while (next < matchers.size()) {
        ByteMatcher m = matchers.get(next);
        Match match = buffer.find(m, from);
        if (match == null) {
          from = m.overlap() < 0 ? Long.MIN_VALUE : buffer.position() - m.overlap();
          break;
        }
        found.add(match.groups().toString());
        buffer.consume(match.end());
        from = Long.MIN_VALUE;
        next++;
      }
    }
    return found;
  }

  @Test
  void textRegexAndHexMatchTheSameInEveryCut() {
    byte[] stream =
        "noise OK+GMR v1.2.3\r\nTEMP=21\r\n\u0001\u0003\u0002\u0000\u002A\u0039\u009Bend"
            .getBytes(StandardCharsets.ISO_8859_1);
    List<ByteMatcher> matchers =
        List.of(
            TextMatcher.of("OK+GMR", StandardCharsets.UTF_8),
            new RegexMatcher("v(?<ver>\\d+\\.\\d+\\.\\d+)\\r\\n", StandardCharsets.UTF_8),
            new RegexMatcher("TEMP=(?<t>\\d+)\\r\\n", StandardCharsets.UTF_8),
            HexPattern.parse("01 03 02 ?? ??", Checksum.CRC16_MODBUS),
            TextMatcher.of("end", StandardCharsets.UTF_8));

    for (List<byte[]> cut : Splits.all(stream)) {
      assertThat(matchAll(cut, matchers))
          .as("%d reads", cut.size())
          .containsExactly("{}", "{ver=1.2.3}", "{t=21}", "{}", "{}");
    }
  }

  @Test
  void consumedBytesAreNotMatchedAgain() {
    ReceiveBuffer buffer = new ReceiveBuffer();
    buffer.append("OK OK".getBytes(StandardCharsets.US_ASCII));
    ByteMatcher ok = TextMatcher.of("OK", StandardCharsets.UTF_8);

    Match first = buffer.find(ok, Long.MIN_VALUE);
    buffer.consume(first.end());
    Match second = buffer.find(ok, Long.MIN_VALUE);
    buffer.consume(second.end());

    assertThat(second.start()).isGreaterThan(first.start());
    assertThat(buffer.find(ok, Long.MIN_VALUE)).isNull();
  }

  @Test
  void aWrongChecksumDoesNotMatch() {
    ReceiveBuffer buffer = new ReceiveBuffer();
    buffer.append(new byte[] {1, 3, 2, 0, 0x2A, 0x39, (byte) 0x9C});

    assertThat(buffer.find(HexPattern.parse("01 03 02 ?? ??", Checksum.CRC16_MODBUS), 0)).isNull();
    assertThat(buffer.find(HexPattern.parse("01 03 02 ?? ?? ?? ??", Checksum.NONE), 0)).isNotNull();
  }

  @Test
  void unreadDataBeyondTheLimitDropsTheOldestAndCountsIt() {
    ReceiveBuffer buffer = new ReceiveBuffer(16);
    buffer.append("0123456789".getBytes(StandardCharsets.US_ASCII));
    buffer.append("abcdefghij".getBytes(StandardCharsets.US_ASCII));

    assertThat(buffer.available()).isEqualTo(16);
    assertThat(buffer.dropped()).isEqualTo(4);
    assertThat(new String(buffer.tail(16), StandardCharsets.US_ASCII))
        .isEqualTo("456789abcdefghij");
    buffer.append(new byte[40]);
    assertThat(buffer.available()).isEqualTo(16);
    assertThat(buffer.dropped()).isEqualTo(4 + 16 + 24);
  }

  @Test
  void aMatchAcrossACompactionIsStillFound() {
    ReceiveBuffer buffer = new ReceiveBuffer();
    ByteMatcher end = TextMatcher.of("END", StandardCharsets.UTF_8);
    for (int i = 0; i < 2000; i++) {
      buffer.append(("line " + i + " EN").getBytes(StandardCharsets.US_ASCII));
      long from = buffer.position() - end.overlap();
      buffer.append("D\n".getBytes(StandardCharsets.US_ASCII));
      Match m = buffer.find(end, from);
      assertThat(m).as("round %d", i).isNotNull();
      buffer.consume(m.end() - 1);
    }
  }
}
