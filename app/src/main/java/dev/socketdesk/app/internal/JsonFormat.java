package dev.socketdesk.app.internal;

import dev.socketdesk.core.event.EventJson;
import dev.socketdesk.core.event.EventRecord;
import dev.socketdesk.core.event.EventRecord.PeerTotals;
import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.Counters;
import dev.socketdesk.engine.Peer;
import dev.socketdesk.engine.SessionEvent;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;

/**
 * One JSON object per line, written by the core's {@link EventJson} from {@link EventRecord}s, the
 * shape every front end shares; it is documented in docs/cli.md.
 */
final class JsonFormat implements EventFormat {

  @Override
  public String listening(Instant time, InetSocketAddress local, boolean client) {
    return EventJson.line(EventRecord.listening(time, local));
  }

  @Override
  public String connected(Instant time, Peer peer) {
    return EventJson.line(EventRecord.connected(time, peer));
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
    return EventJson.line(
        EventRecord.data(time, peer, received, data.length, data, text).withKind(kind));
  }

  @Override
  public String notice(Instant time, Peer peer, String kind, String message) {
    return EventJson.line(EventRecord.notice(time, peer, kind, message));
  }

  @Override
  public String closed(Instant time, Peer peer, CloseReason reason) {
    return EventJson.line(EventRecord.closed(time, peer, reason));
  }

  @Override
  public String reconnecting(SessionEvent.Reconnecting retry) {
    return EventJson.line(EventRecord.of(retry, null));
  }

  @Override
  public String error(SessionEvent.Error error) {
    return EventJson.line(EventRecord.of(error, null));
  }

  @Override
  public String error(Instant time, Peer peer, String message) {
    return EventJson.line(EventRecord.error(time, peer, message, null, null));
  }

  @Override
  public String sessionClosed(Instant time) {
    return EventJson.line(EventRecord.sessionClosed(time));
  }

  @Override
  public String info(Instant time, String message) {
    return EventJson.line(EventRecord.info(time, message));
  }

  @Override
  public String summary(Instant time, Counters total, List<PeerTotals> peers, int unlisted) {
    return EventJson.line(EventRecord.summary(time, total, peers, unlisted));
  }
}
