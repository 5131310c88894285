package dev.socketdesk.engine;

import dev.socketdesk.engine.codec.Visible;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where a forward session relays each connection: a TCP server ({@code HOST:PORT}), a TLS server
 * ({@code tls://HOST:PORT}), a WebSocket server ({@code ws://...} or {@code wss://...}) or a serial
 * port ({@code serial:PATH?baud=115200}).
 */
public sealed interface ForwardTarget {
  /** The forms of TARGET, for messages. */
  String FORMS = "HOST:PORT, tls://HOST:PORT, ws://HOST:PORT/PATH, wss://... or serial:PATH?baud=N";

  /** A TCP server. */
  record Tcp(HostPort remote) implements ForwardTarget {
    @Override
    public String toString() {
      return remote.toString();
    }
  }

  /** A TLS server; {@code tls} says how it is verified (the system's trust store by default). */
  record Tls(HostPort remote, TlsConfig tls) implements ForwardTarget {
    public Tls {
      tls = tls == null ? TlsConfig.client() : tls;
    }

    @Override
    public String toString() {
      return "tls://" + remote;
    }
  }

  /**
   * A WebSocket server: each chunk a client sends goes out as one binary message, and every message
   * the server sends, text or binary, is relayed to the client as its bytes.
   */
  record WebSocket(WebSocketClientConfig config) implements ForwardTarget {
    @Override
    public String toString() {
      return config.url();
    }
  }

  /** A serial port; one connection at a time can hold it. */
  record Serial(SerialConfig config) implements ForwardTarget {
    @Override
    public String toString() {
      return "serial:" + config.path() + " " + config.baud() + " " + config.frame();
    }
  }

  /**
   * {@code HOST:PORT}, or {@code serial:PATH} with optional {@code ?baud=N&data-bits=N&parity=P
   * &stop-bits=S&flow=F} (115200 8N1 without flow control by default).
   *
   * @throws IllegalArgumentException naming what is wrong and the forms that work.
   */
  static ForwardTarget parse(String text) {
    String t = text.strip();
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.startsWith("serial:")) {
      return serial(t.substring("serial:".length()));
    }
    if (lower.startsWith("tls://")) {
      return new Tls(HostPort.parse(t.substring("tls://".length())), null);
    }
    if (lower.startsWith("ws://") || lower.startsWith("wss://")) {
      return new WebSocket(WebSocketClientConfig.connect(t));
    }
    int scheme = lower.indexOf("://");
    if (scheme > 0) {
      throw new IllegalArgumentException(
          "forward target '"
              + Visible.of(t)
              + "': "
              + lower.substring(0, scheme)
              + ":// is not a kind of target; use "
              + FORMS);
    }
    return new Tcp(HostPort.parse(t));
  }

  /** Whether this target speaks TLS ({@code tls://} or {@code wss://}). */
  default boolean secure() {
    return this instanceof Tls || (this instanceof WebSocket ws && ws.config().secure());
  }

  /**
   * This target with {@code tls} as its TLS settings.
   *
   * @throws IllegalArgumentException when the target does not speak TLS.
   */
  default ForwardTarget withTls(TlsConfig tls) {
    if (this instanceof Tls t) {
      return new Tls(t.remote(), tls);
    }
    if (this instanceof WebSocket ws && ws.config().secure()) {
      return new WebSocket(ws.config().withTls(tls));
    }
    throw new IllegalArgumentException(
        "TLS settings apply to a tls:// or wss:// target, not to " + this);
  }

  private static Serial serial(String spec) {
    int q = spec.indexOf('?');
    String path = q < 0 ? spec : spec.substring(0, q);
    if (path.isBlank()) {
      throw new IllegalArgumentException(
          "forward target 'serial:' has no port; use serial:/dev/ttyUSB0?baud=115200");
    }
    SerialConfig config = SerialConfig.open(path, 115_200);
    int baud = 115_200;
    int dataBits = 8;
    SerialConfig.Parity parity = SerialConfig.Parity.NONE;
    SerialConfig.StopBits stopBits = SerialConfig.StopBits.ONE;
    SerialConfig.FlowControl flow = SerialConfig.FlowControl.NONE;
    if (q >= 0) {
      for (String pair : spec.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        String key = eq < 0 ? pair : pair.substring(0, eq);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        switch (key.toLowerCase(Locale.ROOT)) {
          case "baud" -> baud = SerialConfig.parseBaud(value);
          case "data-bits" -> dataBits = SerialConfig.parseDataBits(value);
          case "parity" -> parity = SerialConfig.Parity.parse(value);
          case "stop-bits" -> stopBits = SerialConfig.StopBits.parse(value);
          case "flow" -> flow = SerialConfig.FlowControl.parse(value);
          default ->
              throw new IllegalArgumentException(
                  "unknown serial setting '"
                      + Visible.of(key)
                      + "' in the forward target; use baud, data-bits, parity, stop-bits or flow");
        }
      }
    }
    return new Serial(
        new SerialConfig(
            config.path(),
            baud,
            dataBits,
            parity,
            stopBits,
            flow,
            true,
            true,
            false,
            null,
            null,
            Grouping.NONE,
            null));
  }
}
