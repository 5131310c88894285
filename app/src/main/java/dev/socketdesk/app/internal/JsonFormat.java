package dev.socketdesk.app.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.Counters;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.Peer;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** One JSON object per line; the schema is documented in docs/cli.md. */
final class JsonFormat implements EventFormat {
  private static final Timestamps ISO =
      new Timestamps("yyyy-MM-dd'T'HH:mm:ss.", "XXX", ZoneId.systemDefault());
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static ObjectNode event(Instant time, String name) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("ts", ISO.format(time));
    node.put("event", name);
    return node;
  }

  private static ObjectNode withPeer(ObjectNode node, Peer peer) {
    if (peer != null) {
      node.put("peer", peer.hostPort());
      node.put("peerId", peer.id());
    }
    return node;
  }

  private static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String listening(Instant time, InetSocketAddress local, boolean client) {
    return write(event(time, "listening").put("local", HostPort.format(local)));
  }

  @Override
  public String connected(Instant time, Peer peer) {
    return write(withPeer(event(time, "connected"), peer));
  }

  @Override
  public String data(
      Instant time, Peer peer, boolean received, int bytes, String shown, String text, String hex) {
    ObjectNode node = withPeer(event(time, received ? "received" : "sent"), peer);
    node.put("bytes", bytes);
    node.put("text", text);
    node.put("hex", hex);
    return write(node);
  }

  @Override
  public String closed(Instant time, Peer peer, CloseReason reason) {
    ObjectNode node = withPeer(event(time, "closed"), peer);
    node.put("reason", reason.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    node.put("message", reason.description());
    return write(node);
  }

  @Override
  public String reconnecting(Instant time, int attempt, long delayMillis, String cause) {
    ObjectNode node = event(time, "reconnecting");
    node.put("attempt", attempt);
    node.put("delayMs", delayMillis);
    node.put("message", cause);
    return write(node);
  }

  @Override
  public String error(Instant time, Peer peer, String message) {
    return write(withPeer(event(time, "error"), peer).put("message", message));
  }

  @Override
  public String sessionClosed(Instant time) {
    return write(event(time, "closed"));
  }

  @Override
  public String info(Instant time, String message) {
    return write(event(time, "info").put("message", message));
  }

  @Override
  public String summary(Instant time, Counters total, List<PeerSummary> peers, int unlisted) {
    ObjectNode node = event(time, "summary");
    counters(node, total);
    node.put("unlistedPeers", unlisted);
    ArrayNode list = node.putArray("peers");
    for (PeerSummary p : peers) {
      ObjectNode entry = list.addObject();
      entry.put("peer", p.peer().hostPort());
      entry.put("peerId", p.peer().id());
      if (p.counters() != null) {
        counters(entry, p.counters());
      }
    }
    return write(node);
  }

  private static void counters(ObjectNode node, Counters c) {
    node.put("bytesIn", c.bytesIn());
    node.put("messagesIn", c.messagesIn());
    node.put("bytesOut", c.bytesOut());
    node.put("messagesOut", c.messagesOut());
  }
}
