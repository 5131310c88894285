package dev.socketdesk.app.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CloseMatchesTest {
  private static final List<String> OPTIONS =
      List.of("--port", "-p", "--bind", "--backlog", "--max-clients", "--echo", "--encoding");

  @Test
  void aSwapOfNeighbouringLettersIsOneEdit() {
    assertThat(CloseMatches.distance("prot", "port")).isEqualTo(1);
    assertThat(CloseMatches.distance("port", "port")).isZero();
    assertThat(CloseMatches.distance("", "abc")).isEqualTo(3);
    assertThat(CloseMatches.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(CloseMatches.of("--prot", OPTIONS, 3)).containsExactly("--port");
  }

  @Test
  void onlyTheClosestAreOfferedAndOnlyWhenClose() {
    assertThat(CloseMatches.of("--eho", OPTIONS, 3)).containsExactly("--echo");
    assertThat(CloseMatches.of("--encodng", OPTIONS, 3)).containsExactly("--encoding");
    assertThat(CloseMatches.of("--max-client", OPTIONS, 3)).containsExactly("--max-clients");
    assertThat(CloseMatches.of("--bogus", OPTIONS, 3)).isEmpty();
    assertThat(CloseMatches.of("--verbose", OPTIONS, 3)).isEmpty();
  }

  @Test
  void shortWordsAllowFewEditsAndTiesAreAllOffered() {
    assertThat(CloseMatches.of("uii", List.of("ui", "udp", "tcp-server"), 3)).containsExactly("ui");
    assertThat(CloseMatches.of("ud", List.of("ui", "udp"), 3)).isEmpty();
    assertThat(CloseMatches.of("-x", OPTIONS, 3)).isEmpty();
    assertThat(CloseMatches.of("-P", OPTIONS, 3)).containsExactly("-p");
    assertThat(CloseMatches.of("--Port", OPTIONS, 3)).containsExactly("--port");
    assertThat(CloseMatches.of("udpp", List.of("ui", "udp", "tcp"), 3)).containsExactly("udp");
    assertThat(CloseMatches.of("tcpx", List.of("tcp", "udp", "tcp2"), 3))
        .containsExactly("tcp", "tcp2");
    assertThat(CloseMatches.of("tcpx", List.of("tcp", "udp", "tcp2"), 1)).containsExactly("tcp");
  }
}
