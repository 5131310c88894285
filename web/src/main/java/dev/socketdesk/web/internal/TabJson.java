package dev.socketdesk.web.internal;

import dev.socketdesk.engine.Counters;
import dev.socketdesk.engine.PeerInfo;
import dev.socketdesk.engine.Session;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/** The parts of a tab's JSON that come from its session: counters, peers and capture. */
final class TabJson {
  static final int MAX_PEERS_SHOWN = 500;

  private TabJson() {}

  /** {@code {"on": capturing now, "file": the last capture's file name or null}}. */
  static JsonObject capture(Session s, Path file) {
    return new JsonObject()
        .put("on", s != null && !s.state().isTerminal() && s.capturing() != null)
        .put("file", file == null ? null : file.getFileName().toString());
  }

  /** The open session's peers, at most {@link #MAX_PEERS_SHOWN}; none when it is not open. */
  static JsonArray peers(Session s) {
    JsonArray peers = new JsonArray();
    if (s == null || s.state().isTerminal()) {
      return peers;
    }
    for (PeerInfo p : s.peers()) {
      if (peers.size() >= MAX_PEERS_SHOWN) {
        break;
      }
      peers.add(
          new JsonObject()
              .put("id", p.peer().id())
              .put("address", p.peer().hostPort())
              .put("since", p.connectedAt().toEpochMilli())
              .put("counters", counters(p.counters())));
    }
    return peers;
  }

  static JsonObject counters(Counters c) {
    return new JsonObject()
        .put("bytesIn", c.bytesIn())
        .put("messagesIn", c.messagesIn())
        .put("bytesOut", c.bytesOut())
        .put("messagesOut", c.messagesOut());
  }
}
