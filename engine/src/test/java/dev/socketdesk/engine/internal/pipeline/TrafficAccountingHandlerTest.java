package dev.socketdesk.engine.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.Counters;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.testing.Splits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TrafficAccountingHandlerTest {
  private final TestSession session = new TestSession();

  private EmbeddedChannel connection() {
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new PeerLifecycleHandler(session, 0),
            new TrafficAccountingHandler(session, PeerAddressing.CONNECTION));
    session.deliver();
    session.recorder.next(SessionEvent.Connected.class);
    return ch;
  }

  private static byte[] stream() {
    byte[] data = new byte[5000];
    new Random(3).nextBytes(data);
    return data;
  }

  @Test
  void countsEveryReadExactlyAndReportsItsBytesInOrderWhateverTheSplit() {
    byte[] data = stream();
    for (List<byte[]> reads : Splits.all(data)) {
      TestSession fresh = new TestSession();
      EmbeddedChannel ch =
          new EmbeddedChannel(
              new PeerLifecycleHandler(fresh, 0),
              new TrafficAccountingHandler(fresh, PeerAddressing.CONNECTION));
      for (byte[] read : reads) {
        ch.writeInbound(Unpooled.wrappedBuffer(read));
      }
      fresh.deliver();
      fresh.recorder.next(SessionEvent.Connected.class);
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      for (int i = 0; i < reads.size(); i++) {
        got.writeBytes(fresh.recorder.next(SessionEvent.Received.class).data());
      }
      fresh.recorder.assertExhausted();
      assertThat(got.toByteArray()).isEqualTo(data);
      Counters expected = new Counters(data.length, reads.size(), 0, 0);
      assertThat(fresh.totals.snapshot()).isEqualTo(expected);
      assertThat(fresh.connected.get(0).snapshot()).isEqualTo(expected);
      ByteArrayOutputStream passed = new ByteArrayOutputStream();
      for (ByteBuf buf; (buf = ch.readInbound()) != null; buf.release()) {
        passed.writeBytes(io.netty.buffer.ByteBufUtil.getBytes(buf));
      }
      assertThat(passed.toByteArray()).as("reads pass through unchanged").isEqualTo(data);
      ch.finishAndReleaseAll();
    }
  }

  @Test
  void countsAWriteOnceItSucceededAndSkipsEmptyWrites() {
    EmbeddedChannel ch = connection();
    ch.writeAndFlush(Unpooled.copiedBuffer("hello", StandardCharsets.US_ASCII));
    ch.writeAndFlush(Unpooled.EMPTY_BUFFER);
    session.deliver();
    assertThat(session.recorder.next(SessionEvent.Sent.class).data())
        .isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
    session.recorder.assertExhausted();
    assertThat(session.totals.snapshot()).isEqualTo(new Counters(0, 0, 5, 1));
    ch.finishAndReleaseAll();
  }

  @Test
  void withoutADataListenerCountsButReportsNothing() {
    session.events.removeListener(session.recorder);
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new PeerLifecycleHandler(session, 0),
            new TrafficAccountingHandler(session, PeerAddressing.CONNECTION));
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
    ch.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {4}));
    assertThat(session.deliveries).isEmpty();
    assertThat(session.totals.snapshot()).isEqualTo(new Counters(3, 1, 1, 1));
    ch.finishAndReleaseAll();
  }

  @Test
  void datagramsCountPerSenderAndRecipient() {
    EmbeddedChannel ch =
        new EmbeddedChannel(
            new TrafficAccountingHandler(
                session, PeerAddressing.datagrams(session::peerFor, session::peerFor)));
    ch.writeInbound(
        new DatagramPacket(Unpooled.wrappedBuffer(new byte[2]), null, TestSession.BOARD));
    ch.writeInbound(
        new DatagramPacket(Unpooled.wrappedBuffer(new byte[5]), null, TestSession.OTHER_BOARD));
    ch.writeInbound(new DatagramPacket(Unpooled.EMPTY_BUFFER, null, TestSession.BOARD));
    ch.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(new byte[7]), TestSession.BOARD));
    assertThat(session.peerFor(TestSession.BOARD).snapshot()).isEqualTo(new Counters(2, 2, 7, 1));
    assertThat(session.peerFor(TestSession.OTHER_BOARD).snapshot())
        .isEqualTo(new Counters(5, 1, 0, 0));
    session.deliver();
    assertThat(session.recorder.next(SessionEvent.Received.class).peer().address())
        .isEqualTo(TestSession.BOARD);
    assertThat(session.recorder.next(SessionEvent.Received.class).peer().address())
        .isEqualTo(TestSession.OTHER_BOARD);
    assertThat(session.recorder.next(SessionEvent.Received.class).data()).isEmpty();
    assertThat(session.recorder.next(SessionEvent.Sent.class).data()).hasSize(7);
    session.recorder.assertExhausted();
    ch.finishAndReleaseAll();
  }

  @Test
  void aReadOfNoKnownPeerStopsHereAndIsReleased() {
    EmbeddedChannel ch =
        new EmbeddedChannel(new TrafficAccountingHandler(session, PeerAddressing.CONNECTION));
    ByteBuf buf = Unpooled.buffer().writeByte(1);
    ch.writeInbound(buf);
    assertThat(buf.refCnt()).isZero();
    assertThat((Object) ch.readInbound()).isNull();
    assertThat(session.totals.snapshot()).isEqualTo(new Counters(0, 0, 0, 0));
    ch.finishAndReleaseAll();
  }

  @Test
  void aSocketFailureIsReportedWithItsCatalogueCode() {
    EmbeddedChannel ch =
        new EmbeddedChannel(new TrafficAccountingHandler(session, PeerAddressing.CONNECTION));
    ch.pipeline().fireExceptionCaught(new java.net.SocketException("Connection reset"));
    session.deliver();
    SessionEvent.Error error = session.recorder.next(SessionEvent.Error.class);
    assertThat(error.code()).isEqualTo("reset");
    assertThat(error.params()).containsEntry("peer", "socket");
  }
}
