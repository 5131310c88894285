package dev.socketdesk.web.internal;

import dev.socketdesk.engine.Engine;
import dev.socketdesk.web.UiServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tabs and the pages watching them. Every {@value #FLUSH_MILLIS} ms it sends each page one
 * batch with what changed: bounded log lines, counters, peers, state, and (every {@value
 * #FULL_TICK_EVERY} flushes) rates. A page whose socket cannot keep up skips batches; the sequence
 * numbers of the log lines tell it how many it missed. Flushes run on the web event loop only.
 */
final class SessionHub {
  static final long FLUSH_MILLIS = 50;
  static final int FULL_TICK_EVERY = 10;

  private final Engine engine;
  private final Vertx vertx;
  private final SettingsStore settings;
  private final Map<Integer, SessionTab> tabs = new ConcurrentSkipListMap<>();
  private final Set<ServerWebSocket> pages = new CopyOnWriteArraySet<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final Simulations simulations = new Simulations();
  private long timer = -1;
  private long ticks;

  SessionHub(Engine engine, Vertx vertx, SettingsStore settings) {
    this.engine = engine;
    this.vertx = vertx;
    this.settings = settings;
  }

  void start() {
    timer = vertx.setPeriodic(FLUSH_MILLIS, id -> flush());
  }

  SettingsStore settings() {
    return settings;
  }

  Simulations simulations() {
    return simulations;
  }

  /**
   * Opens a session for a new tab; the tab exists only once the session opened, except for a client
   * that reconnects: it keeps trying in its tab, which exists at once.
   */
  CompletableFuture<SessionTab> create(TabSpec spec) {
    SessionTab tab = new SessionTab(nextId.getAndIncrement(), spec, engine);
    if (spec.reconnect()) {
      tab.open();
      tabs.put(tab.id(), tab);
      return CompletableFuture.completedFuture(tab);
    }
    return tab.open()
        .thenApply(
            local -> {
              tabs.put(tab.id(), tab);
              return tab;
            })
        .whenComplete(
            (t, failure) -> {
              if (failure != null) {
                tab.close();
              }
            });
  }

  SessionTab tab(int id) {
    SessionTab tab = tabs.get(id);
    if (tab == null) {
      throw ApiException.notFound(
          "session " + id + " does not exist; it was removed or never made");
    }
    return tab;
  }

  CompletableFuture<Void> remove(int id) {
    SessionTab tab = tab(id);
    tabs.remove(id);
    broadcast(new JsonObject().put("type", "removed").put("id", id));
    return tab.close();
  }

  /** Everything a page that just (re)connected needs. */
  JsonObject hello() {
    JsonArray list = new JsonArray();
    tabs.values().forEach(t -> list.add(t.snapshot()));
    return new JsonObject()
        .put("type", "hello")
        .put("tabs", list)
        .put("sims", simulations.snapshot())
        .put("settings", settings.get())
        .put("settingsProblem", settings.problem())
        .put("maxUpload", UiServer.MAX_UPLOAD_BYTES)
        .put("flushMillis", FLUSH_MILLIS);
  }

  /** Sends a tab's full state to every page, e.g. after it opened or its encoding changed. */
  void publish(SessionTab tab) {
    vertx.runOnContext(
        v -> broadcast(new JsonObject().put("type", "tab").put("tab", tab.snapshot())));
  }

  void addPage(ServerWebSocket ws) {
    pages.add(ws);
    ws.closeHandler(v -> pages.remove(ws));
    ws.exceptionHandler(e -> pages.remove(ws));
    ws.textMessageHandler(text -> {});
    ws.writeTextMessage(hello().encode());
  }

  void broadcast(JsonObject message) {
    String text = message.encode();
    for (ServerWebSocket ws : pages) {
      write(ws, text, true);
    }
  }

  private void flush() {
    boolean fullTick = ++ticks % FULL_TICK_EVERY == 0;
    long now = System.currentTimeMillis();
    boolean render = !pages.isEmpty();
    JsonArray changed = new JsonArray();
    for (SessionTab tab : tabs.values()) {
      JsonObject o = tab.flush(fullTick, now, render);
      if (o != null) {
        changed.add(o);
      }
    }
    JsonArray sims = simulations.flush(now);
    if (changed.isEmpty() && sims.isEmpty()) {
      return;
    }
    JsonObject batch = new JsonObject().put("type", "batch").put("tabs", changed);
    if (!sims.isEmpty()) {
      batch.put("sims", sims);
    }
    String text = batch.encode();
    for (ServerWebSocket ws : pages) {
      write(ws, text, false);
    }
  }

  /**
   * Writes to one page; a batch is skipped while the page's socket is backed up (the page counts
   * the lines it missed from the sequence numbers), a state message is always queued.
   */
  private void write(ServerWebSocket ws, String text, boolean always) {
    if (ws.isClosed()) {
      pages.remove(ws);
      return;
    }
    if (always || !ws.writeQueueFull()) {
      ws.writeTextMessage(text).onFailure(e -> pages.remove(ws));
    }
  }

  /** Stops the batches and the simulations, then closes every tab's session, waiting up to 5 s. */
  void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    simulations.close();
    CompletableFuture<?>[] closing =
        tabs.values().stream().map(SessionTab::close).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(closing).get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // Closing regardless; the engine's owner closes what is left.
    }
    tabs.clear();
    for (ServerWebSocket ws : pages) {
      ws.close();
    }
  }
}
