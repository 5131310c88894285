package dev.socketdesk.core.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.socketdesk.engine.Counters;
import dev.socketdesk.engine.codec.Hex;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one JSON shape of {@link EventRecord}s, and the page's compact encoding of the same record.
 * Thread-safe.
 *
 * <p>{@link #line}: one object per line, as {@code --json}, {@code --log}, the page's JSON lines
 * export and test transcripts write it, e.g. {@code {"ts":"2026-11-21T23:07:17.477+08:00",
 * "event":"received","peer":"127.0.0.1:50312","peerId":1,"bytes":3,"text":"hi\\n","hex":"68 69
 * 0A"}}; see docs/cli.md.
 *
 * <p>{@link #compact}: the page's log line, {@code s} sequence, {@code t} epoch ms, {@code d}
 * direction, {@code p} peer, {@code k} event of a note, {@code x} text, {@code b} base64 data,
 * {@code n} byte count, {@code c} and {@code a} a failure's code and parameters; see
 * docs/web-api.md.
 */
public final class EventJson {
  private static final Timestamps ISO =
      new Timestamps("yyyy-MM-dd'T'HH:mm:ss.", "XXX", ZoneId.systemDefault());
  private static final JsonFactory FACTORY = new JsonFactory();

  private EventJson() {}

  /** The ISO-8601 local time with offset, to the millisecond, that {@code ts} holds. */
  public static String timestamp(EventRecord r) {
    return ISO.format(r.time());
  }

  /** {@code r} as one line of JSON, without the line break. */
  public static String line(EventRecord r) {
    StringWriter out = new StringWriter(128);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("ts", timestamp(r));
      g.writeStringField("event", r.event());
      string(g, "local", r.local());
      string(g, "peer", r.peer());
      if (r.peerId() != null) {
        g.writeNumberField("peerId", r.peerId());
      }
      string(g, "kind", r.kind());
      if (r.bytes() != null) {
        g.writeNumberField("bytes", r.bytes());
      }
      string(g, "text", r.text());
      if (r.data() != null) {
        g.writeStringField("hex", Hex.format(r.data()));
      }
      string(g, "reason", r.reason());
      if (r.attempt() != null) {
        g.writeNumberField("attempt", r.attempt());
        g.writeNumberField("delayMs", r.delayMs());
      }
      string(g, "message", r.message());
      string(g, "code", r.code());
      if (r.params() != null) {
        g.writeObjectFieldStart("params");
        for (Map.Entry<String, String> p : new TreeMap<>(r.params()).entrySet()) {
          g.writeStringField(p.getKey(), p.getValue());
        }
        g.writeEndObject();
      }
      if (r.totals() != null) {
        counters(g, r.totals());
        g.writeNumberField("unlistedPeers", r.unlistedPeers() == null ? 0 : r.unlistedPeers());
        g.writeArrayFieldStart("peers");
        for (EventRecord.PeerTotals p : r.peers()) {
          g.writeStartObject();
          g.writeStringField("peer", p.peer().hostPort());
          g.writeNumberField("peerId", p.peer().id());
          if (p.counters() != null) {
            counters(g, p.counters());
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * {@code r} as the page's compact log line with sequence number {@code seq}: a map a JSON library
   * writes as is. Data lines carry {@code x} (the display text), {@code b} (the bytes kept, base64)
   * and {@code n} (the full count); notes carry {@code k} (the event) and {@code x} (the local
   * address, the close reason's code, or the message).
   */
  public static Map<String, Object> compact(EventRecord r, long seq) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", seq);
    m.put("t", r.time().toEpochMilli());
    m.put("d", direction(r));
    if (r.peer() != null) {
      m.put("p", r.peerId() == null ? r.peer() : "#" + r.peerId() + " " + r.peer());
    }
    if (r.isData()) {
      m.put("x", r.text() == null ? "" : r.text());
      m.put("b", Base64.getEncoder().encodeToString(r.data()));
      m.put("n", r.bytes());
      return m;
    }
    m.put("k", r.event());
    String x =
        r.local() != null ? r.local() : r.peer() != null && r.reason() != null ? r.reason() : null;
    if (x == null && r.kind() != null) {
      x = r.kind() + ": " + r.message();
    }
    m.put("x", x != null ? x : r.message());
    if (r.code() != null) {
      m.put("c", r.code());
      m.put("a", r.params() == null ? Map.of() : r.params());
    }
    return m;
  }

  /** {@code in}, {@code out}, {@code err} or {@code sys}. */
  public static String direction(EventRecord r) {
    return switch (r.event()) {
      case EventRecord.RECEIVED -> "in";
      case EventRecord.SENT -> "out";
      case EventRecord.ERROR -> "err";
      default -> "sys";
    };
  }

  private static void string(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static void counters(JsonGenerator g, Counters c) throws IOException {
    g.writeNumberField("bytesIn", c.bytesIn());
    g.writeNumberField("messagesIn", c.messagesIn());
    g.writeNumberField("bytesOut", c.bytesOut());
    g.writeNumberField("messagesOut", c.messagesOut());
  }
}
