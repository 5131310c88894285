package dev.socketdesk.web.internal;

import dev.socketdesk.core.script.Scripts;
import dev.socketdesk.web.UiServer;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Request body limits, attached route by route so that each limit holds before anything is
 * buffered: a declared Content-Length above the limit is refused at once, a body that grows past it
 * is refused as it arrives. A route without a body handler never buffers its body.
 */
final class Bodies {
  /** JSON bodies: session specs, sends, settings. */
  static final long MAX_JSON_BYTES = 2L * 1024 * 1024;

  /** Routes that take no data (open, close, reset...); the page sends {@code {}}. */
  static final long MAX_EMPTY_BYTES = 4 * 1024;

  private static final String TOO_LARGE = "socketdesk.tooLarge";
  private static final String RAW = "socketdesk.rawBody";

  private Bodies() {}

  /** A JSON body of at most {@link #MAX_JSON_BYTES}. */
  static Handler<RoutingContext> json() {
    return limited(
        MAX_JSON_BYTES,
        "the request body is larger than "
            + (MAX_JSON_BYTES >> 20)
            + " MiB, the limit for JSON requests; send less data at once or send a file");
  }

  /** No data expected: at most {@link #MAX_EMPTY_BYTES}, e.g. {@code {}}. */
  static Handler<RoutingContext> empty() {
    return limited(
        MAX_EMPTY_BYTES,
        "the request body is larger than "
            + (MAX_EMPTY_BYTES >> 10)
            + " KiB; this request takes no data");
  }

  private static Handler<RoutingContext> limited(long limit, String message) {
    BodyHandler handler = BodyHandler.create(false).setBodyLimit(limit);
    return ctx -> {
      ctx.put(TOO_LARGE, message);
      handler.handle(ctx);
    };
  }

  /**
   * The raw bytes of a file upload, up to {@link UiServer#MAX_UPLOAD_BYTES}, whatever its
   * Content-Type (a form type is not parsed as a form); read them with {@link #raw}.
   */
  static Handler<RoutingContext> upload() {
    String message =
        "the upload is larger than "
            + (UiServer.MAX_UPLOAD_BYTES >> 20)
            + " MiB; send a smaller file or split it";
    return ctx -> readRaw(ctx, UiServer.MAX_UPLOAD_BYTES, message);
  }

  /**
   * A test script's raw text, up to {@link Scripts#MAX_BYTES}, whatever its Content-Type; read it
   * with {@link #raw}.
   */
  static Handler<RoutingContext> script() {
    String message =
        "the script is larger than "
            + (Scripts.MAX_BYTES >> 20)
            + " MiB; split it into several files";
    return ctx -> readRaw(ctx, Scripts.MAX_BYTES, message);
  }

  static Buffer raw(RoutingContext ctx) {
    Buffer b = ctx.get(RAW);
    return b == null ? Buffer.buffer() : b;
  }

  /** The 413 message of the route the request took, or null when it set none. */
  static String tooLargeMessage(RoutingContext ctx) {
    return ctx.get(TOO_LARGE);
  }

  private static void readRaw(RoutingContext ctx, long limit, String message) {
    ctx.put(TOO_LARGE, message);
    HttpServerRequest req = ctx.request();
    if (declaredLength(req) > limit) {
      refuse(ctx, message);
      return;
    }
    if (req.isEnded()) {
      ctx.put(RAW, Buffer.buffer());
      ctx.next();
      return;
    }
    if ("100-continue".equalsIgnoreCase(req.getHeader(HttpHeaders.EXPECT))
        && req.version() != HttpVersion.HTTP_1_0) {
      ctx.response().writeContinue();
    }
    Buffer body = Buffer.buffer();
    boolean[] refused = {false};
    req.handler(
        chunk -> {
          if (refused[0]) {
            return;
          }
          if (body.length() + (long) chunk.length() > limit) {
            refused[0] = true;
            refuse(ctx, message);
            return;
          }
          body.appendBuffer(chunk);
        });
    req.endHandler(
        v -> {
          if (!refused[0]) {
            ctx.put(RAW, body);
            ctx.next();
          }
        });
    req.resume();
  }

  private static long declaredLength(HttpServerRequest req) {
    String text = req.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (text == null) {
      return -1;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Answers 413 and closes the connection, so the rest of the body is never read. */
  private static void refuse(RoutingContext ctx, String message) {
    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
    ApiErrors.send(ctx, 413, message);
  }
}
