package dev.socketdesk.app.internal;

import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.WebSocketSession;
import dev.socketdesk.engine.codec.AsciiNumbers;
import dev.socketdesk.engine.codec.Visible;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** The typed commands of WebSocket sessions: {@code /ping [#ID]} and {@code /close [#ID] CODE}. */
final class WebSocketCommands {
  private WebSocketCommands() {}

  static void ping(Session session, EventPrinter printer, String arg) {
    if (!(session instanceof WebSocketSession ws)) {
      printer.info("/ping is for ws-server and ws-client");
      return;
    }
    String[] words = arg.isEmpty() ? new String[0] : arg.split("\\s+", 2);
    int peer = words.length > 0 && words[0].startsWith("#") ? id(words[0]) : 0;
    if (peer < 0) {
      printer.info("'" + Visible.of(words[0]) + "' is not a client id; use /ping #ID");
      return;
    }
    String data = peer == 0 ? arg : (words.length > 1 ? words[1] : "");
    report(ws.ping(peer, data.getBytes(StandardCharsets.UTF_8)), printer);
  }

  static void close(Session session, EventPrinter printer, String arg) {
    if (!(session instanceof WebSocketSession ws)) {
      printer.info("/close is for ws-server and ws-client");
      return;
    }
    String[] words = arg.isEmpty() ? new String[0] : arg.split("\\s+", 3);
    int at = 0;
    int peer = 0;
    if (words.length > 0 && words[0].startsWith("#")) {
      peer = id(words[0]);
      at = 1;
    }
    long code = words.length > at ? AsciiNumbers.parse(words[at], -1) : -1;
    if (peer < 0 || code < 0 || code > 65535) {
      printer.info("use /close CODE [REASON] or /close #ID CODE [REASON], e.g. /close 1001 bye");
      return;
    }
    String reason =
        words.length > at + 1
            ? String.join(" ", java.util.Arrays.copyOfRange(words, at + 1, words.length))
            : "";
    report(ws.closeWith(peer, (int) code, reason), printer);
  }

  private static int id(String word) {
    long id = AsciiNumbers.parse(word.substring(1), -1);
    return id < 1 || id > Integer.MAX_VALUE ? -1 : (int) id;
  }

  private static void report(CompletableFuture<Void> result, EventPrinter printer) {
    result.whenComplete(
        (v, e) -> {
          if (e != null) {
            printer.error(null, SessionRunner.unwrap(e).getMessage());
          }
        });
  }
}
