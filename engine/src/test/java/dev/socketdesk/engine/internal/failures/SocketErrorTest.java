package dev.socketdesk.engine.internal.failures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.SessionException.Kind;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.unix.Errors;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SocketErrorTest {
  /**
   * {@link Errors#newIOException} needs Netty's native library, which is loaded by the first use of
   * a native transport; without this the class failed when it ran alone.
   */
  @BeforeAll
  static void loadNettysNativeLibrary() {
    Epoll.ensureAvailability();
  }

  @Test
  void readsTheErrnoOfNettysNativeExceptions() {
    assertThat(SocketError.of(Errors.newIOException("bind", -98)))
        .isEqualTo(SocketError.ADDRESS_IN_USE);
    assertThat(SocketError.of(new IOException("wrapped", Errors.newIOException("write", -104))))
        .isEqualTo(SocketError.RESET);
    assertThat(
            SocketError.of(
                new ConnectException(
                    "connect(..) failed with error(-97): Address family not supported")))
        .isEqualTo(SocketError.FAMILY_NOT_SUPPORTED);
  }

  @Test
  void readsTheJdksExceptionTypesAndLeavesTheRestUnknown() {
    assertThat(SocketError.of(new NoRouteToHostException()))
        .isEqualTo(SocketError.HOST_UNREACHABLE);
    assertThat(SocketError.of(new ConnectException("Connection refused")))
        .isEqualTo(SocketError.REFUSED);
    assertThat(SocketError.of(new SocketException("Connection reset")))
        .isEqualTo(SocketError.UNKNOWN);
  }

  @Test
  void theSameErrorReadsTheSameFromEitherTransport() {
    assertThat(Failures.io(Errors.newIOException("writev", -32), "#1").kind())
        .isEqualTo(Kind.RESET);
    assertThat(Failures.io(new SocketException("Broken pipe"), "#1").kind()).isEqualTo(Kind.RESET);
    assertThat(Failures.bind(Errors.newIOException("bind", -13), null, 80).kind())
        .isEqualTo(Kind.PERMISSION_DENIED);
    assertThat(Failures.io(Errors.newIOException("sendmsg", -90), "127.0.0.1:9").getMessage())
        .startsWith("the datagram is too long: UDP carries at most 65,507 bytes");
  }

  @Test
  void aPeersFailureWithoutAWordingIsACatalogueCodeThatDoesNotRepeatThePeer() {
    var connection = Failures.connection(new IOException("Connection timed out"), "#1 127.0.0.1:9");
    assertThat(connection.kind()).isEqualTo(Kind.CONNECTION_FAILED);
    assertThat(connection.getMessage())
        .as("the event names the peer; its line does not repeat it as a prefix")
        .isEqualTo("the connection failed: Connection timed out");
    assertThat(connection.params())
        .containsEntry("peer", "#1 127.0.0.1:9")
        .containsEntry("error", "Connection timed out");

    var datagram = Failures.datagram(new IOException("Network is down"), "#2 127.0.0.1:9");
    assertThat(datagram.kind()).isEqualTo(Kind.DATAGRAM_FAILED);
    assertThat(datagram.getMessage()).isEqualTo("the datagram could not be sent: Network is down");
    assertThat(datagram.params()).containsEntry("peer", "#2 127.0.0.1:9");

    assertThat(Failures.datagram(new IOException("Message too long"), "#2").kind())
        .isEqualTo(Kind.DATAGRAM_TOO_LONG);
    assertThat(Failures.connection(new SocketException("Connection reset"), "#1").kind())
        .as("a failure with its own wording keeps it")
        .isEqualTo(Kind.RESET);
    assertThat(Failures.io(new IOException("Network is down"), "#1 127.0.0.1:9").getMessage())
        .as("where nothing else names the peer, the line does")
        .isEqualTo("#1 127.0.0.1:9: Network is down");
  }

  @Test
  void anUnknownErrorShowsTheSystemsTextWithoutNettysCallPrefix() {
    assertThat(
            Failures.connect(
                    new ConnectException("connect(..) failed with error(-71): Protocol error"),
                    "127.0.0.1:1",
                    1000)
                .getMessage())
        .isEqualTo("cannot connect to 127.0.0.1:1: Protocol error");
  }
}
