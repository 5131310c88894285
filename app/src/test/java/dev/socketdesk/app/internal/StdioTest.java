package dev.socketdesk.app.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StdioTest {
  private static final Charset GBK = Charset.forName("GBK");

  @Test
  void aWindowsConsoleGetsItsOwnCodePage() {
    assertThat(Stdio.outputCharset(true, true, GBK)).isEqualTo(GBK);
  }

  @Test
  void pipesAndOtherSystemsGetUtf8() {
    assertThat(Stdio.outputCharset(true, false, GBK)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(Stdio.outputCharset(true, true, null)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(Stdio.outputCharset(false, true, StandardCharsets.US_ASCII))
        .as("a POSIX locale in a container must not turn Chinese into question marks")
        .isEqualTo(StandardCharsets.UTF_8);
  }
}
