package dev.socketdesk.web.internal;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the page's files from the bundled resources under {@code socketdesk-ui/} and nothing else:
 * any path that is not a plain relative name (dot segments, backslashes, encoded separators) gets
 * 404. Files found are read once and kept in memory.
 */
final class AssetHandler implements Handler<RoutingContext> {
  private static final String ROOT = "socketdesk-ui/";
  private static final Pattern SAFE_PATH =
      Pattern.compile("/(?:[A-Za-z0-9_-]+/)*[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*\\.[A-Za-z0-9]+");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "json", "application/json; charset=utf-8",
          "md", "text/plain; charset=utf-8");
  private static final Buffer MISSING = Buffer.buffer();

  private final Map<String, Buffer> cache = new ConcurrentHashMap<>();

  @Override
  public void handle(RoutingContext ctx) {
    String raw = ctx.request().path();
    String path = raw == null || raw.equals("/") ? "/index.html" : raw;
    String ext = path.substring(path.lastIndexOf('.') + 1);
    Buffer body = SAFE_PATH.matcher(path).matches() ? load(path.substring(1)) : MISSING;
    if (body == MISSING || !TYPES.containsKey(ext)) {
      ApiErrors.send(ctx, 404, "not found: " + raw);
      return;
    }
    ctx.response()
        .putHeader("Content-Type", TYPES.get(ext))
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader(
            "Content-Security-Policy",
            "default-src 'self'; connect-src 'self'; img-src 'self' data: blob:; "
                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")
        .end(body);
  }

  private Buffer load(String name) {
    Buffer cached = cache.get(name);
    if (cached != null) {
      return cached;
    }
    try (InputStream in = AssetHandler.class.getClassLoader().getResourceAsStream(ROOT + name)) {
      if (in == null) {
        return MISSING;
      }
      Buffer loaded = Buffer.buffer(in.readAllBytes());
      cache.put(name, loaded);
      return loaded;
    } catch (IOException e) {
      return MISSING;
    }
  }
}
