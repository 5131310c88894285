package dev.socketdesk.web.internal;

import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.web.UiServerException;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Wires Vert.x, the router, the guard, the API, the page socket and the assets. */
public final class WebApp {
  /**
   * Connections with no traffic either way for this long are closed. It outlasts the longest
   * request (a TCP client's connect timeout, up to 600 s); a keep-alive connection between requests
   * is closed much sooner by the request-head deadline, and a page that does not read by its hub.
   */
  static final int IDLE_TIMEOUT_SECONDS = 660;

  private final Engine engine;
  private final String host;
  private final int requestedPort;
  private final String token;
  private final Path configDir;
  private Vertx vertx;
  private HttpServer server;
  private SessionHub hub;
  private volatile int port = -1;
  private boolean started;
  private boolean closed;

  public WebApp(Engine engine, String host, int port, String token, Path configDir) {
    this.engine = engine;
    this.host = host;
    this.requestedPort = port;
    this.token = token;
    this.configDir = configDir;
  }

  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("the UI server was already started");
    }
    started = true;
    String bind = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    checkTokenRule(bind);
    SettingsStore settings = new SettingsStore(configDir);
    settings.load();
    vertx =
        Vertx.vertx(
            new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(2)
                .setFileSystemOptions(
                    new FileSystemOptions()
                        .setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false)));
    hub = new SessionHub(engine, vertx, settings);
    ConnectionGuard connections = new ConnectionGuard(vertx);
    Router router = Router.router(vertx);
    router.route().handler(connections::onRequest);
    router.route().handler(new RequestGuard(bind, token, () -> port));
    new SessionApi(hub, vertx).mount(router);
    new SimulationApi(hub).mount(router);
    new CaptureApi(hub).mount(router);
    new TestApi(hub.tests()).mount(router);
    router
        .route("/api/*")
        .handler(ctx -> ApiErrors.send(ctx, 404, "no such API: " + ctx.request().path()));
    router.get("/ws").handler(ctx -> ctx.request().toWebSocket().onSuccess(hub::addPage));
    router.get().handler(new AssetHandler());
    router.route().handler(ctx -> ApiErrors.send(ctx, 405, "method not allowed"));
    router.route().failureHandler(ApiErrors::handleFailure);
    server =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setHost(bind)
                    .setPort(requestedPort)
                    .setHttp2ClearTextEnabled(false)
                    .setIdleTimeout(IDLE_TIMEOUT_SECONDS)
                    .setIdleTimeoutUnit(TimeUnit.SECONDS)
                    .setMaxWebSocketFrameSize(1 << 20)
                    .setMaxWebSocketMessageSize(1 << 20))
            .connectionHandler(connections::onConnection)
            .requestHandler(router);
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      vertx.close();
      throw new UiServerException(SessionException.bind(e.getCause(), bind, requestedPort));
    } catch (InterruptedException | TimeoutException e) {
      vertx.close();
      throw new UiServerException(
          "the UI server did not start on " + bind + ":" + requestedPort, false);
    }
    port = server.actualPort();
    hub.start();
  }

  private void checkTokenRule(String bind) {
    if (token != null) {
      return;
    }
    boolean loopback;
    try {
      loopback = InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      throw new UiServerException(
          "listen address '"
              + bind
              + "' is unknown; use 127.0.0.1, 0.0.0.0 or an address of this machine",
          false);
    }
    if (!loopback) {
      throw new UiServerException(
          "listening on "
              + bind
              + " needs a token; only loopback addresses (127.0.0.0/8, ::1) may go without one",
          false);
    }
  }

  public int port() {
    if (port < 0) {
      throw new IllegalStateException("the UI server is not started");
    }
    return port;
  }

  public synchronized void close() {
    if (closed || !started || vertx == null) {
      closed = true;
      return;
    }
    closed = true;
    hub.close();
    try {
      server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException ignored) {
      // Shutting down regardless.
    }
  }
}
