package dev.socketdesk.web.internal;

import dev.socketdesk.core.event.EventRecord;
import dev.socketdesk.core.spec.SerialSpec;
import dev.socketdesk.core.spec.SessionSpec;
import dev.socketdesk.core.spec.TcpClientSpec;
import dev.socketdesk.core.spec.WebSocketClientSpec;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionListener;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A tab's listener on its sessions: records their events into the tab's log, keeps the error its
 * card shows, and marks what the next flush must resend. Events arrive on the session's dispatcher
 * thread, the tab's controls set the error and flags from any thread, the event loop reads them.
 */
final class TabStatus implements SessionListener {
  /** The meta data (state, error, settings) changed since the last flush. */
  final AtomicBoolean metaDirty = new AtomicBoolean(true);

  /** The peers changed since the last flush. */
  final AtomicBoolean peersDirty = new AtomicBoolean(true);

  private final LogRing log;
  private final SessionSpec spec;
  private volatile String error;
  private volatile String errorCode;
  private volatile Map<String, String> errorParams;

  TabStatus(LogRing log, SessionSpec spec) {
    this.log = log;
    this.spec = spec;
  }

  /** A new session opens: the last one's error no longer shows. */
  void clearError() {
    error = null;
    errorCode = null;
  }

  /** The session did not open; the session's Error event logs it, this keeps it for the card. */
  void openFailed(Throwable failure) {
    Throwable t = ApiErrors.unwrap(failure);
    error = ApiErrors.messageOf(t);
    errorCode = t instanceof SessionException e ? e.code() : null;
    errorParams = t instanceof SessionException e ? e.params() : null;
  }

  /** Puts the card's {@code error}, {@code errorCode} and {@code errorParams} into {@code o}. */
  JsonObject putError(JsonObject o) {
    Map<String, String> params = errorParams;
    return o.put("error", error)
        .put("errorCode", errorCode)
        .put("errorParams", params == null ? null : new JsonObject(new HashMap<>(params)));
  }

  @Override
  public void onEvent(SessionEvent event) {
    log.add(EventRecord.of(event, null));
    if (event instanceof SessionEvent.Listening) {
      metaDirty.set(true);
    } else if (event instanceof SessionEvent.Connected) {
      peersDirty.set(true);
      if (spec instanceof TcpClientSpec
          || spec instanceof SerialSpec
          || spec instanceof WebSocketClientSpec) {
        error = null;
        errorCode = null;
        metaDirty.set(true);
      }
    } else if (event instanceof SessionEvent.Disconnected) {
      peersDirty.set(true);
    } else if (event instanceof SessionEvent.Reconnecting r) {
      if (r.code() != null) {
        // A failed attempt: the tab shows it as its error until the link is up.
        error = r.cause();
        errorCode = r.code();
        errorParams = r.params();
      }
      metaDirty.set(true);
    } else if (event instanceof SessionEvent.Error e) {
      if (e.peer() == null) {
        error = e.message();
        errorCode = e.code();
        errorParams = e.params();
        metaDirty.set(true);
      }
    } else if (event instanceof SessionEvent.Closed) {
      metaDirty.set(true);
      peersDirty.set(true);
    }
  }
}
