package dev.socketdesk.core.event;

import dev.socketdesk.engine.codec.Hex;

/**
 * {@link EventRecord}s as CSV (RFC 4180): a header, then one row per record, with the fields of
 * {@link EventJson#line} that a spreadsheet can use. Fields are quoted when they hold a comma, a
 * quote or a line break; a field starting with {@code = + - @} is prefixed with {@code '} so that a
 * spreadsheet does not run it as a formula. New columns are added at the end, so that readers of
 * the earlier columns keep working.
 */
public final class EventCsv {
  /** The header row, without the line break. */
  public static final String HEADER =
      "ts,event,peerId,peer,bytes,text,hex,reason,message,code,kind";

  private EventCsv() {}

  /** {@code r} as one row, without the line break. */
  public static String row(EventRecord r) {
    return String.join(
        ",",
        field(EventJson.timestamp(r)),
        field(r.event()),
        field(r.peerId() == null ? null : r.peerId().toString()),
        field(r.peer()),
        field(r.bytes() == null ? null : r.bytes().toString()),
        field(r.text()),
        field(r.data() == null ? null : Hex.format(r.data())),
        field(r.reason()),
        field(r.message() != null ? r.message() : r.local()),
        field(r.code()),
        field(r.kind()));
  }

  static String field(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String v = value;
    if ("=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
