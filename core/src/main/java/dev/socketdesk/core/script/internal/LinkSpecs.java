package dev.socketdesk.core.script.internal;

import dev.socketdesk.core.script.Link;
import dev.socketdesk.core.spec.SerialSpec;
import dev.socketdesk.core.spec.SessionSpec;
import dev.socketdesk.core.spec.TcpClientSpec;
import dev.socketdesk.core.spec.TcpServerSpec;
import dev.socketdesk.core.spec.UdpSpec;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.TlsConfig;
import dev.socketdesk.engine.WebSocketClientConfig;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The session the CLI and the page would open for a link: the same spec or config, so one
 * validation and one way to open each kind of session.
 */
final class LinkSpecs {
  private LinkSpecs() {}

  /**
   * Creates (does not open) the link's session.
   *
   * @param vars fills in the link's {@code ${var}}s.
   * @throws IllegalArgumentException (a {@code SpecException}) naming the bad value and the fix.
   */
  static Session create(Engine engine, Link link, UnaryOperator<String> vars) {
    if (link instanceof Link.WebSocket w) {
      return engine.webSocketClient(webSocket(w, vars));
    }
    if (link instanceof Link.Connect c && c.tls() != null) {
      TcpClientSpec spec =
          new TcpClientSpec(HostPort.parse(vars.apply(c.address())), null, null, false);
      return engine.tcpClient(spec.config(AutoActions.NONE).withTls(tls(c.tls(), vars)));
    }
    return spec(link, vars).create(engine, AutoActions.NONE);
  }

  private static SessionSpec spec(Link link, UnaryOperator<String> vars) {
    if (link instanceof Link.Connect c) {
      return new TcpClientSpec(HostPort.parse(vars.apply(c.address())), null, null, false);
    }
    if (link instanceof Link.Listen l) {
      return new TcpServerSpec(l.bind(), port(vars.apply(l.port())), null, null);
    }
    if (link instanceof Link.Serial s) {
      return serial(s, vars);
    }
    Link.Udp u = (Link.Udp) link;
    HostPort to = u.to() == null ? null : HostPort.parse(vars.apply(u.to()));
    return new UdpSpec(null, port(vars.apply(u.port())), to, null, null, null);
  }

  /** The config {@code socketdesk ws-client} builds for the same URL and options. */
  static WebSocketClientConfig webSocket(Link.WebSocket w, UnaryOperator<String> vars) {
    WebSocketClientConfig config =
        WebSocketClientConfig.connect(vars.apply(w.url()))
            .withSubprotocols(w.subprotocols())
            .withHeaders(
                w.headers().entrySet().stream()
                    .map(
                        h -> new WebSocketClientConfig.Header(h.getKey(), vars.apply(h.getValue())))
                    .toList());
    if (w.tls() == null) {
      return config;
    }
    if (!config.secure()) {
      throw new IllegalArgumentException(
          "tls: options are for wss:// URLs, and '" + config.url() + "' is ws://; use wss://");
    }
    return config.withTls(tls(w.tls(), vars));
  }

  /** The TLS settings the CLI's --ca, --insecure and --sni give. */
  static TlsConfig tls(Link.Tls t, UnaryOperator<String> vars) {
    Path ca = null;
    if (t.ca() != null) {
      ca = caPath(vars.apply(t.ca()), t.folder());
      if (!Files.isReadable(ca)) {
        throw new IllegalArgumentException(
            "ca: cannot read '"
                + ca
                + "'; give the CA certificate's PEM file"
                + (t.folder() == null ? "" : " (relative to the script)"));
      }
    }
    if (ca != null && t.insecure()) {
      throw new IllegalArgumentException("tls: insecure skips what ca is for; use one of them");
    }
    return TlsConfig.client()
        .withTrustedCa(ca)
        .withInsecure(t.insecure())
        .withServerName(t.sni() == null ? null : vars.apply(t.sni()));
  }

  /**
   * {@code ca} found in {@code folder}; a relative {@code ca} with no folder (a script pasted in
   * the page) is refused, since no folder of the person's would be the right one.
   */
  private static Path caPath(String ca, Path folder) {
    Path path;
    try {
      path = Path.of(ca);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(
          "ca: '" + ca + "' is not a file path; give the CA certificate's PEM file");
    }
    if (folder != null) {
      return folder.resolve(path);
    }
    if (!path.isAbsolute()) {
      throw new IllegalArgumentException(
          "ca: '"
              + ca
              + "' is a relative path, and a script run from the page has no folder to find it"
              + " in; give the full path of the CA certificate's PEM file");
    }
    return path;
  }

  static SerialSpec serial(Link.Serial s, UnaryOperator<String> vars) {
    return new SerialSpec(
        vars.apply(s.path()),
        s.baud(),
        s.dataBits(),
        s.parity(),
        s.stopBits(),
        s.flow(),
        null,
        null,
        false,
        null);
  }

  private static int port(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port '" + text + "' is not a number; use 0 to 65535");
    }
  }
}
