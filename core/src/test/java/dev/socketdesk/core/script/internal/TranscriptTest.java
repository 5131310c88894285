package dev.socketdesk.core.script.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Data lines are worded when the text is asked for, as the lines added as text. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TranscriptTest {

  @Test
  void dataLinesShowTheirLengthAndTheFirstBytesOnly() {
    Transcript t = new Transcript();
    byte[] long200 = "a".repeat(200).getBytes(StandardCharsets.US_ASCII);
    t.addData("link RX", long200);
    t.addData("link TX", new byte[] {1, 2, (byte) 0xFF});
    t.add("FAIL expect x: no");
    long200[0] = 'b';

    String[] lines = t.text().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).endsWith(" link RX 200 B \"" + "a".repeat(Transcript.SHOWN) + "\" ...");
    assertThat(lines[1]).endsWith(" link TX 3 B hex 01 02 FF");
    assertThat(lines[2]).endsWith(" FAIL expect x: no");
  }

  @Test
  void keepsTheLastLinesAndCountsTheRest() {
    Transcript t = new Transcript();
    for (int i = 0; i < Transcript.MAX_LINES + 5; i++) {
      t.addData("link RX", new byte[] {'x'});
    }
    assertThat(t.text()).startsWith("... 5 earlier lines left out\n");
    assertThat(t.text().lines().count()).isEqualTo(Transcript.MAX_LINES + 1);
  }
}
