package dev.socketdesk.engine.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.SessionEvent;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import java.io.IOException;
import java.net.SocketException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PeerLifecycleHandlerTest {
  private final TestSession session = new TestSession();

  @Test
  void registersTheConnectionAsThePeerItWasAcceptedAs() {
    EmbeddedChannel ch = new EmbeddedChannel(new PeerLifecycleHandler(session, 7));
    PeerHandle peer = ch.attr(PeerHandle.KEY).get();
    assertThat(peer.id).isEqualTo(7);
    assertThat(session.connected).containsExactly(peer);
    ch.close();
    assertThat(session.disconnects).containsExactly(CloseReason.PEER_CLOSED);
  }

  @Test
  void aRefusedConnectionIsClosedAndNeverReported() {
    session.refuse = true;
    EmbeddedChannel ch = new EmbeddedChannel(new PeerLifecycleHandler(session, 0));
    assertThat(ch.isOpen()).isFalse();
    assertThat(session.disconnects).isEmpty();
  }

  @Test
  void afterThePeersEofWhatWeOweIsFlushedThenTheConnectionCloses() {
    EmbeddedChannel ch = new EmbeddedChannel(new PeerLifecycleHandler(session, 0));
    ch.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
    assertThat(ch.isOpen()).isFalse();
    ByteBuf flushed = ch.readOutbound();
    assertThat(flushed.readableBytes()).isZero();
    flushed.release();
    assertThat(session.disconnects).containsExactly(CloseReason.PEER_CLOSED);
  }

  @Test
  void aResetClosesQuietlyAndAnyOtherFailureIsReported() {
    EmbeddedChannel reset = new EmbeddedChannel(new PeerLifecycleHandler(session, 0));
    reset.pipeline().fireExceptionCaught(new SocketException("Connection reset"));
    assertThat(reset.isOpen()).isFalse();

    EmbeddedChannel failed = new EmbeddedChannel(new PeerLifecycleHandler(session, 0));
    failed.pipeline().fireExceptionCaught(new IOException("No buffer space available"));
    assertThat(failed.isOpen()).isFalse();
    assertThat(session.disconnects).containsExactly(CloseReason.RESET, CloseReason.ERROR);

    session.deliver();
    session.recorder.next(SessionEvent.Connected.class);
    session.recorder.next(SessionEvent.Connected.class);
    SessionEvent.Error error = session.recorder.next(SessionEvent.Error.class);
    assertThat(error.message())
        .as("the event names the peer, so the message does not")
        .isEqualTo("the connection failed: No buffer space available");
    assertThat(error.code()).isEqualTo("connection-failed");
    assertThat(error.params())
        .containsEntry("peer", error.peer().toString())
        .containsEntry("error", "No buffer space available");
    session.recorder.assertExhausted();
  }

  @Test
  void aConnectionClosedWhileTheSessionClosesIsOurs() {
    EmbeddedChannel ch = new EmbeddedChannel(new PeerLifecycleHandler(session, 0));
    session.closing = true;
    ch.close();
    assertThat(session.disconnects).containsExactly(CloseReason.LOCAL);
  }
}
