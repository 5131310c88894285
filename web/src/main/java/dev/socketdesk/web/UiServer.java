package dev.socketdesk.web;

import dev.socketdesk.engine.Engine;
import dev.socketdesk.web.internal.WebApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The SocketDesk web UI: an HTTP + WebSocket server that serves the bundled page and drives {@link
 * Engine} sessions for it.
 *
 * <p>Lifecycle: {@link #builder(Engine)}, {@link #start()}, then {@link #close()}, which stops
 * every device simulation and closes every session the page opened (the engine itself stays open;
 * its owner closes it). A server is started at most once.
 *
 * <p>Security: binds {@code 127.0.0.1} unless told otherwise. When a token is set, every HTTP and
 * WebSocket request must carry it (query parameter {@code token}, header {@code
 * X-SocketDesk-Token}, or the cookie the page sets). The {@code Host} header must name this machine
 * and port, and the {@code Origin} of WebSocket and state-changing requests must match, against DNS
 * rebinding.
 *
 * <p>Limits: uploads (send a file) up to {@link #MAX_UPLOAD_BYTES}, JSON bodies up to 2 MiB; the
 * page receives at most 50 lines (8 KiB of data) per session every 50 ms and is told how many it
 * missed; counters stay exact. Each page's queue is bounded, at most 20 pages are served, a request
 * head must arrive within 5 s, idle connections close after 11 minutes, and a client address may
 * hold 128 connections (docs/web-api.md, Limits).
 */
public final class UiServer implements AutoCloseable {
  /** Largest file the page may upload to send: 16 MiB. */
  public static final long MAX_UPLOAD_BYTES = 16L * 1024 * 1024;

  private final WebApp app;
  private final String host;
  private final String token;

  private UiServer(Builder b) {
    this.host = b.host;
    this.token = b.token;
    this.app = new WebApp(b.engine, b.host, b.port, b.token, b.configDir);
  }

  /** A builder for a server that drives sessions of {@code engine}. */
  public static Builder builder(Engine engine) {
    return new Builder(engine);
  }

  /**
   * Binds and starts serving. Blocks until bound.
   *
   * @throws UiServerException with a one-line message, e.g. when the port is in use.
   */
  public UiServer start() {
    app.start();
    return this;
  }

  /** The bound port (the chosen one when built with port 0). */
  public int port() {
    return app.port();
  }

  /** The address the server listens on, as given to the builder. */
  public String host() {
    return host;
  }

  /** The token requests must carry, or null when none is required. */
  public String token() {
    return token;
  }

  /**
   * The URL to open in a browser: {@code http://127.0.0.1:7788/}, with {@code ?token=...} when a
   * token is in use. A server listening on all addresses is reached through {@code 127.0.0.1}.
   */
  public String url() {
    return urlFor(urlHost(host));
  }

  /** The URL with another host name or address, e.g. a LAN address for another machine. */
  public String urlFor(String hostOrAddress) {
    String h = hostOrAddress.indexOf(':') >= 0 ? "[" + hostOrAddress + "]" : hostOrAddress;
    String base = "http://" + h + ":" + port() + "/";
    return token == null
        ? base
        : base + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  private static String urlHost(String host) {
    if (host.equals("0.0.0.0") || host.isEmpty()) {
      return "127.0.0.1";
    }
    if (host.equals("::") || host.equals("[::]")) {
      return "::1";
    }
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  /** Stops the simulations, closes the sessions the page opened, stops serving. Idempotent. */
  @Override
  public void close() {
    app.close();
  }

  /** Settings for a {@link UiServer}. */
  public static final class Builder {
    private final Engine engine;
    private String host = "127.0.0.1";
    private int port = 0;
    private String token;
    private Path configDir = ConfigDirs.defaultDir();

    private Builder(Engine engine) {
      this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** Address to listen on; default {@code 127.0.0.1}. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** Port to listen on; 0 (the default) lets the system choose, see {@link #port()}. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(
            "port " + port + " is out of range; use a port from 0 to 65535");
      }
      this.port = port;
      return this;
    }

    /** Token every request must carry; null or empty for none. */
    public Builder token(String token) {
      this.token = token == null || token.isEmpty() ? null : token;
      return this;
    }

    /** Directory for {@code settings.json}; default {@link ConfigDirs#defaultDir()}. */
    public Builder configDir(Path dir) {
      this.configDir = Objects.requireNonNull(dir, "configDir");
      return this;
    }

    public UiServer build() {
      return new UiServer(this);
    }
  }
}
