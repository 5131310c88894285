package dev.socketdesk.web.internal;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connection-level limits of the UI server, ahead of any request handling (and so of the token
 * check): at most {@link #MAX_CONNECTIONS_PER_ADDRESS} open connections per client address (more
 * are closed at once), and a request head must arrive within {@link #HEADER_TIMEOUT_MILLIS} of the
 * connection opening or of the previous response ending, else the connection is closed (against
 * slowloris). A WebSocket, once upgraded, is no longer timed here; the idle timeout covers it.
 */
final class ConnectionGuard {
  static final int MAX_CONNECTIONS_PER_ADDRESS = 128;
  static final long HEADER_TIMEOUT_MILLIS = 5_000;

  private final Vertx vertx;
  private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
  private final Map<HttpConnection, Waiting> connections = new ConcurrentHashMap<>();

  /** A connection's requests in flight and its head timer (-1 when none runs). */
  private static final class Waiting {
    int inFlight;
    long timer = -1;
  }

  ConnectionGuard(Vertx vertx) {
    this.vertx = vertx;
  }

  /** For {@code HttpServer.connectionHandler}: counts, caps and starts the head timer. */
  void onConnection(HttpConnection conn) {
    String address = addressOf(conn.remoteAddress());
    int count = perAddress.merge(address, 1, Integer::sum);
    Waiting waiting = new Waiting();
    connections.put(conn, waiting);
    conn.closeHandler(
        v -> {
          Waiting w = connections.remove(conn);
          if (w != null && w.timer >= 0) {
            vertx.cancelTimer(w.timer);
          }
          perAddress.computeIfPresent(address, (k, n) -> n <= 1 ? null : n - 1);
        });
    if (count > MAX_CONNECTIONS_PER_ADDRESS) {
      conn.close();
      return;
    }
    startTimer(conn, waiting);
  }

  /**
   * First route of the router: a request head arrived, so its connection's timer stops until the
   * response has ended.
   */
  void onRequest(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    HttpConnection conn = req.connection();
    Waiting w = conn == null ? null : connections.get(conn);
    if (w != null) {
      w.inFlight++;
      if (w.timer >= 0) {
        vertx.cancelTimer(w.timer);
        w.timer = -1;
      }
      boolean upgrade = "websocket".equalsIgnoreCase(req.getHeader("Upgrade"));
      ctx.addEndHandler(
          ar -> {
            w.inFlight--;
            if (w.inFlight == 0 && !upgrade && connections.containsKey(conn)) {
              startTimer(conn, w);
            }
          });
    }
    ctx.next();
  }

  private void startTimer(HttpConnection conn, Waiting w) {
    w.timer =
        vertx.setTimer(
            HEADER_TIMEOUT_MILLIS,
            id -> {
              w.timer = -1;
              if (w.inFlight == 0) {
                conn.close();
              }
            });
  }

  private static String addressOf(SocketAddress a) {
    if (a == null) {
      return "?";
    }
    String host = a.hostAddress();
    return host == null ? String.valueOf(a) : host;
  }
}
