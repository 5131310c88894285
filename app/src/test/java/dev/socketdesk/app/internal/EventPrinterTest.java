package dev.socketdesk.app.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.Counters;
import dev.socketdesk.engine.Peer;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.codec.DisplayMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventPrinterTest {

  @Test
  void summaryListsAtMostAThousandDepartedPeersAndCountsTheRest() {
    StringWriter text = new StringWriter();
    Output out = new Output(new PrintWriter(text), () -> {});
    EventPrinter printer =
        new EventPrinter(
            out,
            new TextFormat(),
            DisplayMode.TEXT,
            StandardCharsets.UTF_8,
            true,
            false,
            false,
            false);
    int departed = EventPrinter.MAX_LISTED_DEPARTED + 5;
    for (int id = 1; id <= departed; id++) {
      Peer peer = new Peer(id, new InetSocketAddress("127.0.0.1", 40000 + id % 20000));
      printer.onEvent(new SessionEvent.Connected(Instant.now(), peer));
      printer.onEvent(
          new SessionEvent.Disconnected(
              Instant.now(), peer, CloseReason.PEER_CLOSED, new Counters(3, 1, 0, 0)));
    }
    printer.summary(new Counters(3L * departed, departed, 0, 0), List.of());
    out.flush();

    String summary = text.toString().substring(text.toString().indexOf("summary:")).strip();
    assertThat(summary)
        .startsWith("summary: in " + 3 * departed + " B")
        .contains(departed + " peers");
    assertThat(summary.lines().filter(l -> l.startsWith("  #"))).hasSize(1000);
    assertThat(summary)
        .contains("  #1 127.0.0.1:40001: in 3 B / 1 msg, out 0 B / 0 msg")
        .endsWith("and 5 earlier peers that left (counted in the totals, not listed)");
  }

  @Test
  void aPeersErrorIsOneLineNamingThePeerOnceAndItsJsonCarriesTheCode() {
    Peer peer = new Peer(1, new InetSocketAddress("127.0.0.1", 5000));
    SessionEvent.Error error =
        new SessionEvent.Error(
            Instant.now(),
            peer,
            "the connection failed: Connection timed out",
            "connection-failed",
            java.util.Map.of("peer", peer.toString(), "error", "Connection timed out"));
    for (boolean json : new boolean[] {false, true}) {
      StringWriter text = new StringWriter();
      Output out = new Output(new PrintWriter(text), () -> {});
      EventPrinter printer =
          new EventPrinter(
              out,
              json ? new JsonFormat() : new TextFormat(),
              DisplayMode.TEXT,
              StandardCharsets.UTF_8,
              false,
              json,
              false,
              false);
      printer.onEvent(error);
      out.flush();
      List<String> lines = text.toString().lines().toList();
      assertThat(lines).hasSize(1);
      if (json) {
        assertThat(lines.get(0))
            .contains("\"code\":\"connection-failed\"")
            .contains("\"error\":\"Connection timed out\"");
      } else {
        assertThat(lines.get(0))
            .endsWith(" #1 127.0.0.1:5000 error: the connection failed: Connection timed out");
      }
    }
  }
}
