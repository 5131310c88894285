package dev.socketdesk.web.internal;

import dev.socketdesk.core.spec.SessionSpec;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.web.UiServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tabs and the pages watching them. Every {@value #FLUSH_MILLIS} ms it sends each page one
 * batch with what changed: bounded log lines, counters, peers, state, and (every {@value
 * #FULL_TICK_EVERY} flushes) rates. Each page's queue is bounded ({@link PageChannel}): a page that
 * cannot keep up skips batches and later gets a resync; the sequence numbers tell it how many lines
 * it missed. At most {@value #MAX_PAGES} pages. Page work runs on the web event loop only.
 */
final class SessionHub {
  static final long FLUSH_MILLIS = 50;
  static final int FULL_TICK_EVERY = 10;

  /** Pages (WebSockets) one UI serves at once; the next one is refused with a message. */
  static final int MAX_PAGES = 20;

  /** Pages with room are pinged this often, well within the idle timeout. */
  static final long PING_MILLIS = 20_000;

  private final Engine engine;
  private final Vertx vertx;
  private final SettingsStore settings;
  private final Map<Integer, SessionTab> tabs = new ConcurrentSkipListMap<>();
  private final List<PageChannel> pages = new CopyOnWriteArrayList<>();
  private final AtomicInteger nextId = new AtomicInteger(1);
  private final Simulations simulations = new Simulations();
  private final TestRuns tests = new TestRuns();
  private long timer = -1;
  private long pingTimer = -1;
  private long ticks;

  SessionHub(Engine engine, Vertx vertx, SettingsStore settings) {
    this.engine = engine;
    this.vertx = vertx;
    this.settings = settings;
  }

  void start() {
    timer = vertx.setPeriodic(FLUSH_MILLIS, id -> flush());
    pingTimer =
        vertx.setPeriodic(
            PING_MILLIS,
            id -> {
              long now = System.currentTimeMillis();
              pages.forEach(p -> p.pingOrCloseIfStuck(now));
            });
  }

  SettingsStore settings() {
    return settings;
  }

  TestRuns tests() {
    return tests;
  }

  Simulations simulations() {
    return simulations;
  }

  /**
   * Opens a session for a new tab; the tab exists only once the session opened, except for a client
   * that reconnects: it keeps trying in its tab, which exists at once.
   */
  CompletableFuture<SessionTab> create(SessionSpec spec) {
    SessionTab tab = new SessionTab(nextId.getAndIncrement(), spec, engine);
    if (spec.reconnects()) {
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
    vertx.runOnContext(v -> markStale(id));
    return tab.close();
  }

  /**
   * Everything a page that just (re)connected needs. The log tails share one budget: with n tabs
   * each carries 1/n of {@link SessionTab#SNAPSHOT_LINES} lines and {@link
   * SessionTab#SNAPSHOT_BYTES} bytes, so the message stays the size of one full tab.
   */
  JsonObject hello() {
    int n = Math.max(1, tabs.size());
    JsonArray list = new JsonArray();
    tabs.values()
        .forEach(
            t ->
                list.add(
                    t.snapshot(
                        Math.max(1, SessionTab.SNAPSHOT_LINES / n),
                        Math.max(1, SessionTab.SNAPSHOT_BYTES / n))));
    return new JsonObject()
        .put("type", "hello")
        .put("tabs", list)
        .put("sims", simulations.snapshot())
        .put("settings", settings.get())
        .put("settingsProblem", settings.problem())
        .put("maxUpload", UiServer.MAX_UPLOAD_BYTES)
        .put("flushMillis", FLUSH_MILLIS);
  }

  /** Owes every page a tab's full state, e.g. after it opened or its encoding changed. */
  void publish(SessionTab tab) {
    vertx.runOnContext(v -> markStale(tab.id()));
  }

  private void markStale(int id) {
    for (PageChannel page : pages) {
      page.markStale(id);
    }
    catchUp();
  }

  /** Takes a page, or refuses it with a message the page shows when {@link #MAX_PAGES} are open. */
  void addPage(ServerWebSocket ws) {
    if (pages.size() >= MAX_PAGES) {
      String error =
          "this SocketDesk already serves "
              + MAX_PAGES
              + " pages, its limit; close another SocketDesk tab or window and reload";
      ws.writeTextMessage(
          new JsonObject()
              .put("type", "refused")
              .put("error", error)
              .put("maxPages", MAX_PAGES)
              .encode());
      ws.close((short) 1008, "too many pages");
      return;
    }
    PageChannel page = new PageChannel(ws);
    pages.add(page);
    ws.closeHandler(v -> pages.remove(page));
    ws.exceptionHandler(e -> ws.close());
    ws.textMessageHandler(text -> {});
    page.hello(hello().encode(), tabs.keySet());
  }

  int pageCount() {
    return pages.size();
  }

  /** Small messages (e.g. a simulation removed); a page without room gets a resync instead. */
  void broadcast(JsonObject message) {
    String text = message.encode();
    for (PageChannel page : pages) {
      page.offer(text);
    }
  }

  private void flush() {
    catchUp();
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
    for (PageChannel page : pages) {
      page.offer(text);
    }
  }

  /** Lets every page catch up on what it is owed; each message is rendered once for all. */
  private void catchUp() {
    if (pages.isEmpty()) {
      return;
    }
    Map<Integer, String> rendered = new HashMap<>();
    String[] resync = {null};
    PageChannel.Source source =
        new PageChannel.Source() {
          @Override
          public String resync() {
            if (resync[0] == null) {
              resync[0] = resyncMessage().encode();
            }
            return resync[0];
          }

          @Override
          public Set<Integer> tabIds() {
            return tabs.keySet();
          }

          @Override
          public String tabMessage(int id) {
            return rendered.computeIfAbsent(id, SessionHub.this::tabMessage);
          }
        };
    for (PageChannel page : pages) {
      page.catchUp(source);
    }
  }

  private String tabMessage(int id) {
    SessionTab tab = tabs.get(id);
    JsonObject o =
        tab == null
            ? new JsonObject().put("type", "removed").put("id", id)
            : new JsonObject().put("type", "tab").put("tab", tab.snapshot());
    return o.encode();
  }

  private JsonObject resyncMessage() {
    JsonArray list = new JsonArray();
    tabs.values().forEach(t -> list.add(t.state()));
    return new JsonObject()
        .put("type", "resync")
        .put("tabs", list)
        .put("sims", simulations.snapshot());
  }

  /**
   * Stops the batches, the simulations and the test runs, then closes every tab's session, waiting
   * up to 5 s.
   */
  void close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      vertx.cancelTimer(pingTimer);
    }
    simulations.close();
    tests.close();
    CompletableFuture<?>[] closing =
        tabs.values().stream().map(SessionTab::close).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(closing).get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // Closing regardless; the engine's owner closes what is left.
    }
    tabs.clear();
    for (PageChannel page : pages) {
      page.socket().close();
    }
  }
}
