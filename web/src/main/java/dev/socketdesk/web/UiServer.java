package dev.socketdesk.web;

import dev.socketdesk.core.ConfigDirs;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.web.internal.WebApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The SocketDesk web UI: an HTTP + WebSocket server that serves the bundled page and drives {@link
 * Engine} sessions for it.
 *
 * <p>Lifecycle: {@link #builder(Engine)}, {@link #start()}, then {@link #close()}, which stops
 * every device simulation and closes every session the page opened (the engine itself stays open;
 * its owner closes it). A server is started at most once.
 *
 * <p>Security: binds {@code 127.0.0.1} unless told otherwise, and has a token on every address,
 * loopback included: the one given, or a random one ({@link #newToken()}). Every HTTP and WebSocket
 * request must carry it (query parameter {@code token}, header {@code X-SocketDesk-Token}, or the
 * cookie {@code socketdesk-token-PORT} that a request with the token in its query sets); after
 * {@value #MAX_TOKEN_FAILURES} wrong tokens from one client within a second, that client gets 429
 * until the second ends. Only {@link Builder#noToken()} turns the token off, on loopback addresses
 * only. The {@code Host} header must be well-formed (else 400) and name this machine and port (else
 * 403), and the {@code Origin} of WebSocket and state-changing requests must match, against DNS
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

  /** Fewest characters a given token may have. */
  public static final int MIN_TOKEN_LENGTH = 16;

  /** Most characters a given token may have. */
  public static final int MAX_TOKEN_LENGTH = 256;

  /** Wrong tokens one client may send within a second before it is answered 429. */
  public static final int MAX_TOKEN_FAILURES = 10;

  private final WebApp app;
  private final String host;
  private final String token;

  private UiServer(Builder b) {
    this.host = b.host;
    this.token = b.noToken ? null : b.token != null ? b.token : newToken();
    this.app = new WebApp(b.engine, b.host, b.port, token, b.configDir);
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

  /** The token requests must carry, or null when built with {@link Builder#noToken()}. */
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

  /** A random token: 16 bytes from {@link SecureRandom}, as 32 lower-case hex characters. */
  public static String newToken() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * Why {@code token} cannot be used, in one line naming the rule, or null when it can: a token is
   * {@value #MIN_TOKEN_LENGTH} to {@value #MAX_TOKEN_LENGTH} printable ASCII characters, without
   * spaces.
   */
  public static String tokenProblem(String token) {
    String rule =
        "use "
            + MIN_TOKEN_LENGTH
            + " to "
            + MAX_TOKEN_LENGTH
            + " printable ASCII characters without spaces";
    if (token.isEmpty()) {
      return "the token is empty; " + rule;
    }
    if (token.isBlank()) {
      return "the token is only whitespace; " + rule;
    }
    if (token.length() < MIN_TOKEN_LENGTH) {
      return "the token is too short ("
          + token.length()
          + " characters, the minimum is "
          + MIN_TOKEN_LENGTH
          + "); "
          + rule;
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      return "the token is too long (" + token.length() + " characters); " + rule;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return "the token has a space or a character that is not printable ASCII at position "
            + (i + 1)
            + "; "
            + rule;
      }
    }
    return null;
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
    private boolean noToken;
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

    /**
     * Token every request must carry; null for a random one (the default, see {@link #newToken()}).
     *
     * @throws IllegalArgumentException with the message of {@link #tokenProblem(String)} for a weak
     *     token
     */
    public Builder token(String token) {
      if (token != null && tokenProblem(token) != null) {
        throw new IllegalArgumentException(tokenProblem(token));
      }
      this.token = token;
      this.noToken = false;
      return this;
    }

    /**
     * No token: any local user or program can drive the UI. {@link UiServer#start()} refuses it on
     * an address that is not loopback (127.0.0.0/8, ::1).
     */
    public Builder noToken() {
      this.token = null;
      this.noToken = true;
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
