package dev.socketdesk.app.internal;

import dev.socketdesk.core.event.EventRecord.PeerTotals;
import dev.socketdesk.core.event.Timestamps;
import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.Counters;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.Peer;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.codec.Visible;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One readable line per event: {@code 10:15:03.460 #1 192.168.1.23:50312 RX 15 B: Hello}, with the
 * local time to the millisecond.
 */
final class TextFormat implements EventFormat {
  private static final Timestamps CLOCK =
      new Timestamps("HH:mm:ss.", "' '", ZoneId.systemDefault());

  private static String at(Instant time) {
    return CLOCK.format(time);
  }

  private static String who(Peer peer) {
    return "#" + peer.id() + " " + peer.hostPort();
  }

  @Override
  public String listening(Instant time, InetSocketAddress local, boolean client) {
    if (local.isUnresolved() && local.getPort() == 0) {
      return at(time) + "opened " + HostPort.format(local);
    }
    return at(time) + (client ? "local address " : "listening on ") + HostPort.format(local);
  }

  @Override
  public String connected(Instant time, Peer peer) {
    return at(time) + who(peer) + " connected";
  }

  @Override
  public String data(
      Instant time,
      Peer peer,
      boolean received,
      byte[] data,
      String shown,
      String text,
      String kind) {
    return at(time)
        + who(peer)
        + (received ? " RX " : " TX ")
        + (kind == null ? "" : kind + " ")
        + data.length
        + " B: "
        + shown;
  }

  @Override
  public String notice(Instant time, Peer peer, String kind, String message) {
    return at(time) + (peer == null ? "" : who(peer) + " ") + kind + ": " + message;
  }

  @Override
  public String closed(Instant time, Peer peer, CloseReason reason) {
    return at(time) + who(peer) + " closed (" + reason.description() + ")";
  }

  @Override
  public String reconnecting(SessionEvent.Reconnecting retry) {
    return at(retry.time())
        + "reconnecting in "
        + retry.delayMillis()
        + " ms (attempt "
        + retry.attempt()
        + "): "
        + retry.cause();
  }

  @Override
  public String error(SessionEvent.Error error) {
    return error(error.time(), error.peer(), Visible.of(error.message()));
  }

  @Override
  public String error(Instant time, Peer peer, String message) {
    return at(time) + (peer == null ? "" : who(peer) + " ") + "error: " + message;
  }

  @Override
  public String sessionClosed(Instant time) {
    return at(time) + "session closed";
  }

  @Override
  public String info(Instant time, String message) {
    return message;
  }

  @Override
  public String summary(Instant time, Counters total, List<PeerTotals> peers, int unlisted) {
    StringBuilder s = new StringBuilder();
    s.append(at(time)).append("summary: ").append(traffic(total));
    int all = peers.size() + unlisted;
    s.append("; ").append(all).append(all == 1 ? " peer" : " peers");
    for (PeerTotals p : peers) {
      s.append(System.lineSeparator()).append("  ").append(who(p.peer()));
      s.append(p.counters() == null ? ": not counted" : ": " + traffic(p.counters()));
    }
    if (unlisted > 0) {
      s.append(System.lineSeparator())
          .append("  and ")
          .append(unlisted)
          .append(" earlier peers that left (counted in the totals, not listed)");
    }
    return s.toString();
  }

  private static String traffic(Counters c) {
    return "in "
        + c.bytesIn()
        + " B / "
        + c.messagesIn()
        + " msg, out "
        + c.bytesOut()
        + " B / "
        + c.messagesOut()
        + " msg";
  }
}
