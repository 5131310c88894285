package dev.socketdesk.engine.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.internal.events.EventDispatcher;
import dev.socketdesk.engine.testing.Splits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TlsRecordHintTest {
  /** A TLS 1.2 fatal protocol_version alert, as a TLS server sends to plain text. */
  private static final byte[] ALERT = HexFormat.of().parseHex("15030300020246");

  /** The start of a ClientHello record (TLS 1.0 record version, as clients send). */
  private static final byte[] CLIENT_HELLO = HexFormat.of().parseHex("16030100f4010000f00303aa");

  private record Outcome(byte[] passed, List<SessionEvent> events, boolean removed) {}

  private static Outcome feed(List<byte[]> reads, boolean client) {
    List<SessionEvent> seen = new ArrayList<>();
    EventDispatcher events = new EventDispatcher(Runnable::run);
    events.addListener(seen::add);
    EmbeddedChannel ch = new EmbeddedChannel(new TlsRecordHint(events, client));
    ByteArrayOutputStream passed = new ByteArrayOutputStream();
    for (byte[] read : reads) {
      ch.writeInbound(Unpooled.wrappedBuffer(read));
      for (ByteBuf out; (out = ch.readInbound()) != null; ) {
        passed.writeBytes(ByteBufUtil.getBytes(out));
        out.release();
      }
    }
    boolean removed = ch.pipeline().get(TlsRecordHint.class) == null;
    ch.finishAndReleaseAll();
    return new Outcome(passed.toByteArray(), seen, removed);
  }

  @Test
  void anAlertAnsweringAPlainClientIsOneHintWhateverTheSplit() {
    for (List<byte[]> reads : Splits.all(ALERT)) {
      Outcome o = feed(reads, true);
      assertThat(o.passed()).isEqualTo(ALERT);
      assertThat(o.events()).hasSize(1);
      SessionEvent.Error hint = (SessionEvent.Error) o.events().get(0);
      assertThat(hint.code()).isEqualTo("tls-expected");
      assertThat(hint.message())
          .isEqualTo(
              "the peer answered with a TLS alert (the bytes above): it speaks TLS on this port;"
                  + " connect with TLS");
      assertThat(o.removed()).isTrue();
    }
  }

  @Test
  void aClientHelloReachingAPlainServerIsOneHintWhateverTheSplit() {
    for (List<byte[]> reads : Splits.all(CLIENT_HELLO)) {
      Outcome o = feed(reads, false);
      assertThat(o.passed()).isEqualTo(CLIENT_HELLO);
      assertThat(o.events()).hasSize(1);
      assertThat(((SessionEvent.Error) o.events().get(0)).message())
          .isEqualTo(
              "the client at the peer sent a TLS ClientHello (the bytes above): it speaks TLS;"
                  + " open this server with TLS");
    }
  }

  @Test
  void otherDataPassesWithoutAHint() {
    byte[] text = "hello board\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] nearMiss = HexFormat.of().parseHex("1603050001ff");
    byte[] modbus = HexFormat.of().parseHex("0103000000044409");
    for (byte[] data : List.of(text, nearMiss, modbus)) {
      for (List<byte[]> reads : Splits.all(data)) {
        Outcome o = feed(reads, true);
        assertThat(o.passed()).isEqualTo(data);
        assertThat(o.events()).isEmpty();
        assertThat(o.removed()).isTrue();
      }
    }
  }

  @Test
  void fewerThanThreeBytesKeepWatching() {
    Outcome o = feed(List.of(new byte[] {0x15, 0x03}), true);
    assertThat(o.events()).isEmpty();
    assertThat(o.removed()).isFalse();
  }
}
