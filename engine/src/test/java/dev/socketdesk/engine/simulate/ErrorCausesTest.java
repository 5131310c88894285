package dev.socketdesk.engine.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.simulate.internal.ErrorCollector;
import io.netty.channel.ChannelException;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class ErrorCausesTest {

  @Test
  void classifiesByTypeAndMessageThroughTheCauseChain() {
    assertThat(ErrorCollector.classify(new ConnectTimeoutException("connection timed out")))
        .isEqualTo(ErrorCause.TIMEOUT);
    assertThat(
            ErrorCollector.classify(
                new ChannelException(
                    "Unable to create Channel", new IOException("Too many open files"))))
        .isEqualTo(ErrorCause.FD_LIMIT);
    assertThat(
            ErrorCollector.classify(
                new IOException("recvAddress(..) failed: Connection reset by peer")))
        .isEqualTo(ErrorCause.RESET);
    assertThat(
            ErrorCollector.classify(new ConnectException("connect(..) failed: Connection refused")))
        .isEqualTo(ErrorCause.REFUSED);
    assertThat(ErrorCollector.classify(new IOException("Cannot assign requested address")))
        .isEqualTo(ErrorCause.NO_LOCAL_PORT);
    assertThat(ErrorCollector.classify(new IOException("No route to host: unreachable")))
        .isEqualTo(ErrorCause.UNREACHABLE);
    assertThat(ErrorCollector.classify(new IllegalStateException("something else")))
        .isEqualTo(ErrorCause.OTHER);
  }

  @Test
  void countsEveryErrorAndKeepsTheFirstExamplePerCause() {
    ErrorCollector errors = new ErrorCollector();
    errors.record(new ConnectException("connect(..) failed: Connection refused"));
    errors.record(new ConnectException("connect(..) failed: Connection refused: second"));
    errors.record(new IOException("Too many open files"));
    errors.record(ErrorCause.OTHER, "custom");
    assertThat(errors.total()).isEqualTo(4);
    assertThat(errors.groups())
        .containsExactly(
            new ErrorGroup(ErrorCause.REFUSED, 2, "Connection refused"),
            new ErrorGroup(ErrorCause.FD_LIMIT, 1, "Too many open files"),
            new ErrorGroup(ErrorCause.OTHER, 1, "custom"));
  }
}
