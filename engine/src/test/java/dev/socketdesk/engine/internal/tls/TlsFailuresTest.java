package dev.socketdesk.engine.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.SessionException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A peer that closes during the handshake is named as such, never by a Java exception's name. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TlsFailuresTest {
  @Test
  void aPlainClientThatClosesMidHandshakeIsWordedWithTheFix() {
    SessionException e =
        TlsFailures.handshake(
            new RuntimeException(new ClosedChannelException()), "127.0.0.1:4000", false, null);
    assertThat(e.getMessage())
        .isEqualTo(
            "the client at 127.0.0.1:4000 closed the connection before the TLS handshake finished:"
                + " it may speak plain TCP; connect it with TLS")
        .doesNotContain("Exception");
  }

  @Test
  void aServerThatClosesMidHandshakeIsWordedWithTheFix() {
    SessionException e =
        TlsFailures.handshake(new ClosedChannelException(), "127.0.0.1:4000", true, "127.0.0.1");
    assertThat(e.getMessage())
        .startsWith("127.0.0.1:4000 closed the connection during the TLS handshake")
        .endsWith("connect without TLS, or to its TLS port");
  }
}
