package dev.socketdesk.engine;

/**
 * Lifecycle of a {@link Session}.
 *
 * <pre>
 * NEW ──open()──▶ OPENING ──▶ OPEN ──close()──▶ CLOSING ──▶ CLOSED
 *                    │          │  ▲
 *                    │          ▼  │ (TCP client with auto-reconnect only)
 *                    │      RECONNECTING
 *                    └──▶ FAILED (bind refused, connect refused, unknown host, ...)
 * </pre>
 *
 * <p>{@code CLOSED} and {@code FAILED} are terminal: a session is never reopened; create a new one.
 */
public enum SessionState {
  NEW,
  OPENING,
  OPEN,
  RECONNECTING,
  CLOSING,
  CLOSED,
  FAILED;

  /** True for {@link #CLOSED} and {@link #FAILED}. */
  public boolean isTerminal() {
    return this == CLOSED || this == FAILED;
  }
}
