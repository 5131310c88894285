package dev.socketdesk.web.internal;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * First handler of every request: checks the Host header (against DNS rebinding), the token (when
 * one is set), and the Origin of WebSocket and state-changing requests. Stateless.
 */
final class RequestGuard implements Handler<RoutingContext> {
  static final String TOKEN_HEADER = "X-SocketDesk-Token";
  static final String TOKEN_COOKIE = "socketdesk_token";

  private final byte[] token;
  private final Set<String> allowedHosts;
  private final IntSupplier port;

  RequestGuard(String bindHost, String token, IntSupplier port) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.port = port;
    this.allowedHosts = allowedHosts(bindHost);
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
    HostAndPort authority = req.authority();
    String host = authority == null ? req.getHeader("Host") : authorityText(authority);
    if (!hostAllowed(host)) {
      ApiErrors.send(
          ctx,
          403,
          "Host '"
              + host
              + "' is not this SocketDesk server; open the address SocketDesk printed at start");
      return;
    }
    if (token != null) {
      String query = req.getParam("token");
      String given = query != null ? query : req.getHeader(TOKEN_HEADER);
      if (given == null) {
        Cookie cookie = req.getCookie(TOKEN_COOKIE);
        given = cookie == null ? null : cookie.getValue();
      }
      if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
        ApiErrors.send(
            ctx,
            401,
            (given == null ? "this SocketDesk needs a token" : "the token is wrong")
                + "; open the URL with ?token=... that SocketDesk printed at start");
        return;
      }
      if (query != null) {
        ctx.response()
            .addCookie(
                Cookie.cookie(TOKEN_COOKIE, query)
                    .setPath("/")
                    .setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT));
      }
    }
    if (needsOriginCheck(req) && !originAllowed(req.getHeader("Origin"), host)) {
      ApiErrors.send(
          ctx,
          403,
          "cross-site request refused: Origin '"
              + req.getHeader("Origin")
              + "' is not this SocketDesk page");
      return;
    }
    ctx.next();
  }

  private static String authorityText(HostAndPort a) {
    String h = a.host();
    String name = h.indexOf(':') >= 0 && !h.startsWith("[") ? "[" + h + "]" : h;
    return a.port() < 0 ? name : name + ":" + a.port();
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

  boolean hostAllowed(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return false;
    }
    String h = hostHeader.trim().toLowerCase(Locale.ROOT);
    String name;
    String portText;
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      if (close < 0) {
        return false;
      }
      name = h.substring(1, close);
      portText = close + 1 < h.length() && h.charAt(close + 1) == ':' ? h.substring(close + 2) : "";
      if (close + 1 < h.length() && h.charAt(close + 1) != ':') {
        return false;
      }
    } else {
      int colon = h.lastIndexOf(':');
      name = colon < 0 ? h : h.substring(0, colon);
      portText = colon < 0 ? "" : h.substring(colon + 1);
    }
    int given;
    try {
      given = portText.isEmpty() ? 80 : Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      return false;
    }
    return given == port.getAsInt() && allowedHosts.contains(name);
  }
}
