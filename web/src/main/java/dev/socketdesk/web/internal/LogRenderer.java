package dev.socketdesk.web.internal;

import dev.socketdesk.engine.codec.TextDecoder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.Charset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders log entries for the page: the text decoded in the display charset (escapes as the
 * engine's {@link TextDecoder} shows them) and the bytes as base64 for the hex view. Keeps one
 * decoder per peer and direction, so a character split across two reads still displays; a gap
 * (skipped or truncated entries) starts a fresh decoder. Not thread-safe: web event loop only.
 */
final class LogRenderer {
  private static final int MAX_STREAMS = 4096;

  private final Charset charset;
  private final Map<Long, Stream> streams = new HashMap<>();

  private static final class Stream {
    TextDecoder decoder;
    long lastSeq;
  }

  LogRenderer(Charset charset) {
    this.charset = charset;
  }

  Charset charset() {
    return charset;
  }

  JsonArray render(List<LogRing.Entry> entries) {
    JsonArray lines = new JsonArray();
    for (LogRing.Entry e : entries) {
      lines.add(render(e));
    }
    return lines;
  }

  JsonObject render(LogRing.Entry e) {
    JsonObject line =
        new JsonObject().put("s", e.seq()).put("t", e.timeMillis()).put("d", e.dir().code);
    if (e.peer() != null) {
      line.put("p", e.peer());
    }
    if (e.data() == null) {
      return line.put("k", e.kind()).put("x", e.text());
    }
    line.put("x", decode(e)).put("b", Base64.getEncoder().encodeToString(e.data()));
    return line.put("n", e.size());
  }

  private String decode(LogRing.Entry e) {
    long key = ((long) e.peerId() << 1) | (e.dir() == LogRing.Direction.IN ? 0 : 1);
    Stream stream = streams.get(key);
    if (stream == null) {
      if (streams.size() >= MAX_STREAMS) {
        streams.clear();
      }
      stream = new Stream();
      streams.put(key, stream);
    }
    if (stream.decoder == null || stream.lastSeq != e.prevSeq()) {
      stream.decoder = new TextDecoder(charset);
    }
    String text = stream.decoder.decode(e.data());
    if (e.truncated()) {
      text += stream.decoder.flush();
      stream.decoder = null;
    }
    stream.lastSeq = e.seq();
    return text;
  }
}
