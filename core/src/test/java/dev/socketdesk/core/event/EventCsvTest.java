package dev.socketdesk.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.Peer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventCsvTest {
  private static final Instant TIME = Instant.parse("2026-01-02T03:04:05.678Z");
  private static final Peer PEER = new Peer(1, new InetSocketAddress("127.0.0.1", 4000));

  @Test
  void headerNamesOneColumnPerFieldOfARow() {
    String row = EventCsv.row(EventRecord.notice(TIME, PEER, "tls", "TLSv1.3"));
    assertThat(row.split(",", -1)).hasSameSizeAs(EventCsv.HEADER.split(","));
    assertThat(EventCsv.HEADER).endsWith(",code,kind");
  }

  @Test
  void aNoticeRowCarriesItsKindInTheLastColumn() {
    String row = EventCsv.row(EventRecord.notice(TIME, PEER, "ping", "ping received"));
    assertThat(row).endsWith(",ping received,,ping");
  }

  @Test
  void aWebSocketMessageRowCarriesItsMessageKind() {
    byte[] hi = "hi".getBytes(StandardCharsets.UTF_8);
    String row = EventCsv.row(EventRecord.data(TIME, PEER, true, 2, hi, "hi").withKind("binary"));
    assertThat(row).endsWith(",2,hi,68 69,,,,binary");
  }

  @Test
  void aByteStreamRowLeavesTheKindEmpty() {
    byte[] hi = "hi".getBytes(StandardCharsets.UTF_8);
    String row = EventCsv.row(EventRecord.data(TIME, PEER, true, 2, hi, "hi"));
    assertThat(row).endsWith(",68 69,,,,");
  }
}
