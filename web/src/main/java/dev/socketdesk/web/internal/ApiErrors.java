package dev.socketdesk.web.internal;

import dev.socketdesk.core.spec.SpecException;
import dev.socketdesk.engine.SessionException;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns failures into {@code {"error": "<one line>", "field": "..."}} responses with a 4xx/5xx
 * status; {@code field} names the spec field of a bad value ({@link SpecException}).
 */
final class ApiErrors {
  private static final System.Logger LOG = System.getLogger("dev.socketdesk.web");

  /** At most this much of an unwanted body is read and dropped before the connection closes. */
  private static final long LINGER_BYTES = 32L << 20;

  private static final long LINGER_MILLIS = 5_000;

  /** The catalogue code of a bad spec value; its parameter {@code field} names the field. */
  static final String INVALID_VALUE = "invalid-value";

  private ApiErrors() {}

  static void send(RoutingContext ctx, int status, String message) {
    send(ctx, status, message, null);
  }

  /** Sends {@code {"error": message, "field": field}}; no field when {@code field} is null. */
  static void send(RoutingContext ctx, int status, String message, String field) {
    send(ctx, status, message, field, null, null);
  }

  /**
   * Sends {@code {"error": message, "field": field, "code": code, "params": {...}}}, leaving out
   * what is null: {@code code} and {@code params} are a failure's entry in the catalogue (a session
   * failure's {@link SessionException#code()}, or {@code invalid-value} for a spec field), so that
   * the page can word it in its own language.
   */
  static void send(
      RoutingContext ctx,
      int status,
      String message,
      String field,
      String code,
      Map<String, String> params) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    JsonObject body = new JsonObject().put("error", oneLine(message));
    if (field != null) {
      body.put("field", field);
    }
    if (code != null) {
      body.put("code", code).put("params", new JsonObject(new HashMap<>(params)));
    }
    boolean unread = !ctx.request().isEnded();
    if (unread) {
      ctx.response().putHeader("Connection", "close");
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode())
        .onComplete(
            ar -> {
              if (unread && !ctx.request().isEnded() && ctx.request().connection() != null) {
                lingerThenClose(ctx);
              }
            });
  }

  /**
   * Closes the connection of an answered request whose body is still arriving, after dropping what
   * the client goes on sending, at most {@link #LINGER_BYTES} or for {@link #LINGER_MILLIS} (a
   * lingering close, as HTTP servers do). Closing at once would make the client's kernel reset the
   * connection while it still sends, and the client would never read the answer.
   */
  private static void lingerThenClose(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    HttpConnection connection = request.connection();
    long timer = ctx.vertx().setTimer(LINGER_MILLIS, t -> connection.close());
    Runnable close =
        () -> {
          ctx.vertx().cancelTimer(timer);
          connection.close();
        };
    long[] dropped = {0};
    request.handler(
        chunk -> {
          dropped[0] += chunk.length();
          if (dropped[0] > LINGER_BYTES) {
            close.run();
          }
        });
    request.endHandler(v -> close.run());
    request.exceptionHandler(e -> close.run());
    request.resume();
  }

  /** {@code text} with control characters as {@code \xNN}, cut to 100 characters. */
  static String printable(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < text.length() && b.length() < 100; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        b.append(String.format("\\x%02X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Failure handler for the router: maps the failure to a status and a readable message. */
  static void handleFailure(RoutingContext ctx) {
    Throwable failure = unwrap(ctx.failure());
    int status = ctx.statusCode();
    if (status == 400 && failure instanceof VertxException) {
      // Vert.x-web refuses a malformed Host (and an empty path) before any handler runs.
      if (!RequestGuard.hostWellFormed(ctx.request())) {
        RequestGuard.refuseMalformedHost(ctx);
      } else {
        send(ctx, 400, failure.getMessage());
      }
      return;
    }
    if (failure == null) {
      send(ctx, status < 400 ? 500 : status, messageForStatus(ctx, status));
      return;
    }
    fail(ctx, failure);
  }

  /** Answers with the status, message and field (for a bad spec value) of {@code failure}. */
  static void fail(RoutingContext ctx, Throwable failure) {
    Throwable t = unwrap(failure);
    if (t instanceof SpecException s) {
      Map<String, String> params = new HashMap<>();
      if (s.field() != null) {
        params.put("field", s.field());
      }
      send(ctx, 400, s.getMessage(), s.field(), INVALID_VALUE, params);
    } else if (t instanceof SessionException e) {
      send(ctx, statusOf(t), messageOf(t), null, e.code(), e.params());
    } else {
      send(ctx, statusOf(t), messageOf(t), null);
    }
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  static int statusOf(Throwable t) {
    if (t instanceof ApiException a) {
      return a.status();
    }
    if (t instanceof SessionException) {
      return 409;
    }
    if (t instanceof IllegalArgumentException || t instanceof DecodeException) {
      return 400;
    }
    return 500;
  }

  static String messageOf(Throwable t) {
    if (t instanceof DecodeException) {
      return "the request body is not valid JSON";
    }
    if (statusOf(t) == 500) {
      LOG.log(Level.WARNING, "request failed", t);
      return "internal error in SocketDesk; its log has the details";
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  private static String messageForStatus(RoutingContext ctx, int status) {
    String tooLarge = Bodies.tooLargeMessage(ctx);
    return switch (status) {
      case 404 -> "not found";
      case 405 -> "method not allowed";
      case 413 -> tooLarge != null ? tooLarge : "the request body is too large";
      default -> "request failed with HTTP status " + status;
    };
  }

  static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
  }
}
