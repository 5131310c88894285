package dev.socketdesk.engine.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BackpressureHandlerTest {
  private final TestSession session = new TestSession();

  private EmbeddedChannel channel() {
    return new EmbeddedChannel(
        new PeerLifecycleHandler(session, 0),
        new TrafficAccountingHandler(session, PeerAddressing.CONNECTION),
        new BackpressureHandler(session.events, true));
  }

  @Test
  void readingPausesWhileListenersAreBehindAndResumesWhenTheyCatchUp() {
    EmbeddedChannel ch = channel();
    byte[] chunk = new byte[64 * 1024];
    int reads = 0;
    while (ch.config().isAutoRead() && reads < 1000) {
      ch.writeInbound(Unpooled.wrappedBuffer(chunk));
      reads++;
    }
    assertThat(ch.config().isAutoRead()).isFalse();
    assertThat((long) reads * chunk.length).isBetween(8L << 20, (8L << 20) + chunk.length);
    session.deliver();
    ch.runPendingTasks();
    assertThat(ch.config().isAutoRead()).isTrue();
    ch.finishAndReleaseAll();
  }

  @Test
  void manyEmptyReadsCountAsEventsSoTheyCannotQueueWithoutBound() {
    EmbeddedChannel ch = channel();
    int reads = 0;
    while (ch.config().isAutoRead() && reads < 1_000_000) {
      ch.writeInbound(Unpooled.EMPTY_BUFFER);
      reads++;
    }
    assertThat(ch.config().isAutoRead()).isFalse();
    assertThat(reads).isLessThan(100_000);
    session.deliver();
    ch.runPendingTasks();
    assertThat(ch.config().isAutoRead()).isTrue();
    ch.finishAndReleaseAll();
  }

  @Test
  void readingPausesWhileThePeerDoesNotTakeWhatWeWrite() {
    EmbeddedChannel ch = channel();
    ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
    ch.write(Unpooled.wrappedBuffer(new byte[32]));
    assertThat(ch.isWritable()).isFalse();
    ch.writeInbound(Unpooled.wrappedBuffer(new byte[1]));
    assertThat(ch.config().isAutoRead()).isFalse();
    ch.flush();
    assertThat(ch.isWritable()).isTrue();
    assertThat(ch.config().isAutoRead()).isTrue();
    ch.finishAndReleaseAll();
  }
}
