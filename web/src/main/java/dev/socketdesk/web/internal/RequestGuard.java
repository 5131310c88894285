package dev.socketdesk.web.internal;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * First handler of every request: checks the Host header (well-formed, and naming this server,
 * against DNS rebinding), the token (when one is set; wrong tokens are throttled per client), and
 * the Origin of WebSocket and state-changing requests.
 */
final class RequestGuard implements Handler<RoutingContext> {
  static final String TOKEN_HEADER = "X-SocketDesk-Token";
  static final String TOKEN_COOKIE_PREFIX = "socketdesk-token-";

  private final byte[] token;
  private final byte[] cookieToken;
  private final String cookieValue;
  private final Set<String> allowedHosts;
  private final IntSupplier port;
  private final TokenThrottle throttle = new TokenThrottle(System::nanoTime);

  /**
   * @param token the token every request must carry, or null for none
   */
  RequestGuard(String bindHost, String token, IntSupplier port) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.cookieValue = token == null ? null : URLEncoder.encode(token, StandardCharsets.UTF_8);
    this.cookieToken = cookieValue == null ? null : cookieValue.getBytes(StandardCharsets.UTF_8);
    this.port = port;
    this.allowedHosts = allowedHosts(bindHost);
  }

  /** The cookie that keeps the token: one per port, so two UIs on one host do not share it. */
  static String cookieName(int port) {
    return TOKEN_COOKIE_PREFIX + port;
  }

  private static Set<String> allowedHosts(String bindHost) {
    Set<String> hosts = new HashSet<>(Set.of("localhost", "127.0.0.1", "::1"));
    String bound = bindHost.toLowerCase(Locale.ROOT);
    if (bound.startsWith("[") && bound.endsWith("]")) {
      bound = bound.substring(1, bound.length() - 1);
    }
    if (bound.isEmpty() || bound.equals("0.0.0.0") || bound.equals("::")) {
      hosts.addAll(LocalAddresses.namesOfThisMachine());
    } else {
      hosts.add(bound);
    }
    return hosts;
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    String host = hostText(req);
    if (host == null || HostHeader.parse(host) == null) {
      refuseMalformedHost(ctx);
      return;
    }
    if (!hostAllowed(host)) {
      ApiErrors.send(
          ctx,
          403,
          "Host '"
              + ApiErrors.printable(host)
              + "' is not this SocketDesk server; open the address SocketDesk printed at start");
      return;
    }
    if (token != null && !tokenAccepted(ctx, req)) {
      return;
    }
    if (needsOriginCheck(req) && !originAllowed(req.getHeader("Origin"), host)) {
      ApiErrors.send(
          ctx,
          403,
          "cross-site request refused: Origin '"
              + ApiErrors.printable(req.getHeader("Origin"))
              + "' is not this SocketDesk page");
      return;
    }
    ctx.next();
  }

  /** True when the request's Host header (or HTTP/2 authority) is present and well-formed. */
  static boolean hostWellFormed(HttpServerRequest req) {
    String host = hostText(req);
    return host != null && HostHeader.parse(host) != null;
  }

  /** Answers 400 for a missing or malformed Host header, naming the field. */
  static void refuseMalformedHost(RoutingContext ctx) {
    String host = hostText(ctx.request());
    ApiErrors.send(
        ctx,
        400,
        host == null
            ? "the request has no Host header; open the address SocketDesk printed at start"
            : "Host header '"
                + ApiErrors.printable(host)
                + "' is malformed; it must be host[:port] with a port of 1 to 5 digits",
        "Host");
  }

  /** The Host header as sent (HTTP/1.x), or the authority of an HTTP/2 request; null when none. */
  private static String hostText(HttpServerRequest req) {
    String header = req.getHeader("Host");
    if (header != null) {
      return header.trim();
    }
    HostAndPort a = req.authority();
    if (a == null) {
      return null;
    }
    String h = a.host();
    String name = h.indexOf(':') >= 0 && !h.startsWith("[") ? "[" + h + "]" : h;
    return a.port() < 0 ? name : name + ":" + a.port();
  }

  /**
   * Checks the token (query parameter, then header, then this port's cookie) and answers 401 or 429
   * when it is refused. A throttled client gets 429 whatever token it sends, so that throttled
   * tries cannot tell a right token from a wrong one.
   */
  private boolean tokenAccepted(RoutingContext ctx, HttpServerRequest req) {
    String query = req.getParam("token");
    String given = query != null ? query : req.getHeader(TOKEN_HEADER);
    byte[] expected = token;
    if (given == null) {
      Cookie cookie = req.getCookie(cookieName(port.getAsInt()));
      given = cookie == null ? null : cookie.getValue();
      expected = cookieToken;
    }
    if (given == null) {
      ApiErrors.send(
          ctx,
          401,
          "this SocketDesk needs a token; open the URL with ?token=... that SocketDesk printed at"
              + " start");
      return false;
    }
    String client = TokenThrottle.clientKey(remoteAddress(req));
    long waitNanos = throttle.blockedForNanos(client);
    if (waitNanos > 0) {
      long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
      ctx.response().putHeader("Retry-After", String.valueOf(seconds));
      ApiErrors.send(
          ctx,
          429,
          "too many wrong tokens from this address ("
              + TokenThrottle.MAX_FAILURES
              + " in a second); wait "
              + seconds
              + " s, then open the URL SocketDesk printed at start");
      return false;
    }
    if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
      throttle.recordFailure(client);
      ApiErrors.send(
          ctx,
          401,
          "the token is wrong; open the URL with ?token=... that SocketDesk printed at start");
      return false;
    }
    if (query != null) {
      ctx.response()
          .addCookie(
              Cookie.cookie(cookieName(port.getAsInt()), cookieValue)
                  .setPath("/")
                  .setHttpOnly(true)
                  .setSameSite(CookieSameSite.STRICT));
    }
    return true;
  }

  private static String remoteAddress(HttpServerRequest req) {
    SocketAddress remote = req.remoteAddress();
    return remote == null ? null : remote.hostAddress();
  }

  private static boolean needsOriginCheck(HttpServerRequest req) {
    HttpMethod m = req.method();
    boolean safe = m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS;
    return !safe || "websocket".equalsIgnoreCase(req.getHeader("Upgrade"));
  }

  /** An absent Origin is a non-browser client (browsers send it on these requests). */
  private boolean originAllowed(String origin, String host) {
    if (origin == null) {
      return true;
    }
    String prefix = "http://";
    if (!origin.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return false;
    }
    String originHost = origin.substring(prefix.length());
    return originHost.equalsIgnoreCase(host) && hostAllowed(originHost);
  }

  /**
   * True when {@code hostHeader} is well-formed and names this server: an allowed name, our port.
   */
  boolean hostAllowed(String hostHeader) {
    HostHeader parsed = HostHeader.parse(hostHeader);
    return parsed != null
        && parsed.port() == port.getAsInt()
        && allowedHosts.contains(parsed.name());
  }
}
