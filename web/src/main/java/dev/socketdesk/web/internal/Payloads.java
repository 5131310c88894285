package dev.socketdesk.web.internal;

import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.PeriodicSend;
import dev.socketdesk.engine.ReplyRule;
import dev.socketdesk.engine.codec.Charsets;
import dev.socketdesk.engine.codec.Checksum;
import dev.socketdesk.engine.codec.Hex;
import dev.socketdesk.engine.codec.LineEnding;
import dev.socketdesk.engine.codec.PayloadMode;
import dev.socketdesk.engine.codec.SendFormat;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/** Turns the page's JSON requests into bytes and engine objects, with one-line errors. */
final class Payloads {
  static final int MAX_PAYLOAD_CHARS = 1 << 20;

  private Payloads() {}

  /**
   * The send format: {@code mode} text|hex, {@code encoding}, {@code escapes}, {@code lineEnding}
   * none|cr|lf|crlf, {@code checksum} none|sum8|xor8|crc16-modbus|crc16-ccitt|crc32.
   */
  static SendFormat format(JsonObject o) {
    PayloadMode mode =
        "hex".equalsIgnoreCase(o.getString("mode", "text")) ? PayloadMode.HEX : PayloadMode.TEXT;
    Charset charset = Charsets.forName(o.getString("encoding", "UTF-8"));
    return new SendFormat(
        mode,
        charset,
        JsonFields.flag(o, "escapes", true),
        LineEnding.parse(o.getString("lineEnding", "none")),
        Checksum.parse(o.getString("checksum", "none")));
  }

  /** The bytes of {@code data} in the request's format. */
  static byte[] encode(JsonObject o) {
    String data = o.getString("data", "");
    if (data.length() > MAX_PAYLOAD_CHARS) {
      throw ApiException.badRequest(
          "the text is longer than " + MAX_PAYLOAD_CHARS + " characters; use Send file instead");
    }
    return format(o).encode(data);
  }

  /** Periodic send: {@code data} (one payload per non-empty line when {@code cycle}). */
  static PeriodicSend periodic(JsonObject o) {
    SendFormat format = format(o);
    String data = o.getString("data", "");
    List<byte[]> payloads = new ArrayList<>();
    if (o.getBoolean("cycle", false)) {
      for (String line : data.split("\\R")) {
        if (!line.isBlank()) {
          payloads.add(format.encode(line));
        }
      }
    } else {
      payloads.add(format.encode(data));
    }
    long interval = o.getLong("intervalMs", 1000L);
    long count = o.getLong("count", 0L);
    return new PeriodicSend(payloads, Duration.ofMillis(interval), count);
  }

  /**
   * Automatic actions: {@code echo}, {@code echoPrefix} (text with escapes), {@code encoding}, and
   * {@code rules}: [{@code match}, {@code hex} (match is a hex byte pattern), {@code response},
   * {@code responseHex}].
   */
  static AutoActions autoActions(JsonObject o) {
    Charset charset = Charsets.forName(o.getString("encoding", "UTF-8"));
    SendFormat text =
        new SendFormat(PayloadMode.TEXT, charset, true, LineEnding.NONE, Checksum.NONE);
    byte[] prefix = text.encode(o.getString("echoPrefix", ""));
    List<ReplyRule> rules = new ArrayList<>();
    JsonArray array = JsonFields.array(o, "rules");
    for (int i = 0; i < array.size(); i++) {
      JsonObject r = JsonFields.object(array, i, "reply rule");
      String match = r.getString("match", "");
      if (match.isEmpty()) {
        throw ApiException.badRequest(
            "reply rule " + (i + 1) + " has nothing to match; enter a pattern or remove the rule");
      }
      String responseText = r.getString("response", "");
      byte[] response =
          JsonFields.flag(r, "responseHex", false)
              ? Hex.parse(responseText)
              : text.encode(responseText);
      if (JsonFields.flag(r, "hex", false)) {
        rules.add(ReplyRule.bytes(Hex.parse(match), response));
      } else {
        try {
          rules.add(ReplyRule.regex(match, charset, response));
        } catch (PatternSyntaxException e) {
          throw ApiException.badRequest(
              "reply rule "
                  + (i + 1)
                  + ": '"
                  + match
                  + "' is not a valid regex ("
                  + e.getDescription()
                  + "); fix it or tick hex");
        }
      }
    }
    return new AutoActions(JsonFields.flag(o, "echo", false), prefix, rules);
  }
}
