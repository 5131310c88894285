package dev.socketdesk.app.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class OutputTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter writer = new PrintWriter(new BufferedWriter(text, 1 << 16));

  @Test
  void anUrgentLineIsFlushedAtOnceAndADataLineSoonAfter() {
    try (Output out = new Output(writer, () -> {})) {
      out.line("connected", true);
      assertThat(text.toString()).isEqualTo("connected" + System.lineSeparator());
      out.line("RX 5 B: hello", false);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> text.toString().endsWith("RX 5 B: hello" + System.lineSeparator()));
      out.line("RX 3 B: bye", false);
    }
    assertThat(text.toString()).endsWith("RX 3 B: bye" + System.lineSeparator());
  }

  @Test
  void aBrokenOutputIsReportedOnceAndLinesAfterCloseAreHarmless() {
    AtomicInteger broken = new AtomicInteger();
    OutputStream closedPipe =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };
    Output out = new Output(new PrintWriter(closedPipe), broken::incrementAndGet);
    out.line("one", true);
    out.line("two", true);
    out.line("three", false);
    await().atMost(Duration.ofSeconds(5)).until(() -> broken.get() > 0);
    out.close();
    out.line("after close", false);
    out.flush();
    assertThat(broken).hasValue(1);
  }
}
