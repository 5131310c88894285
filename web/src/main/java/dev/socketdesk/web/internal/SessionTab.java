package dev.socketdesk.web.internal;

import dev.socketdesk.core.event.EventRecord;
import dev.socketdesk.core.script.ScriptRecorder;
import dev.socketdesk.core.spec.SessionSpec;
import dev.socketdesk.core.spec.SessionSpecs;
import dev.socketdesk.core.spec.TcpServerSpec;
import dev.socketdesk.core.spec.UdpSpec;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.CaptureOptions;
import dev.socketdesk.engine.Counters;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.PeerInfo;
import dev.socketdesk.engine.PeriodicSend;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.SessionState;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One tab of the page: a session spec, the engine session currently behind it (a tab can be closed
 * and opened again), its log and its totals. Control methods are thread-safe; {@link #flush} and
 * {@link #snapshot} run on the web event loop only.
 */
final class SessionTab {
  static final int MAX_LINES_PER_FLUSH = 50;
  static final int MAX_BYTES_PER_FLUSH = 8 * 1024;
  static final int SNAPSHOT_LINES = LogRing.CAPACITY;
  static final int SNAPSHOT_BYTES = 256 * 1024;

  private final int id;
  private final SessionSpec spec;
  private final JsonObject specJson;
  private final Engine engine;
  private final LogRing log = new LogRing();
  private final TabStatus status;
  private final AtomicInteger periodicGeneration = new AtomicInteger();

  private volatile Session session;
  private volatile AutoActions actions = AutoActions.NONE;
  private volatile JsonObject autoJson = new JsonObject();
  private volatile boolean periodicRunning;
  private volatile Path captureFile;
  private volatile Charset displayCharset = StandardCharsets.UTF_8;
  private Counters base = Counters.ZERO;

  private LogRenderer renderer;
  private Counters lastCounters;
  private Counters rateBase = Counters.ZERO;
  private long rateAtMillis = System.currentTimeMillis();

  SessionTab(int id, SessionSpec spec, Engine engine) {
    this.id = id;
    this.spec = spec;
    this.specJson = new JsonObject(SessionSpecs.toJson(spec));
    this.engine = engine;
    this.status = new TabStatus(log, spec);
  }

  int id() {
    return id;
  }

  /** A client that reconnects: its open completes only once connected. */
  boolean reconnects() {
    return spec.reconnects();
  }

  /** Creates a new engine session from the spec and opens it. */
  synchronized CompletableFuture<InetSocketAddress> open() {
    Session old = session;
    if (old != null && !old.state().isTerminal()) {
      throw ApiException.conflict("the session is already open; close it first");
    }
    if (old != null) {
      base = base.plus(old.counters());
    }
    Session s = spec.create(engine, actions);
    s.addListener(status);
    session = s;
    status.clearError();
    status.metaDirty.set(true);
    return s.open()
        .whenComplete(
            (local, failure) -> {
              if (failure != null) {
                status.openFailed(failure);
              }
              status.metaDirty.set(true);
            });
  }

  CompletableFuture<Void> close() {
    Session s = session;
    return s == null ? CompletableFuture.completedFuture(null) : s.close();
  }

  Session requireOpen() {
    Session s = session;
    if (s == null || s.state() != SessionState.OPEN) {
      throw ApiException.conflict("the session is not open; press Open first");
    }
    return s;
  }

  /**
   * Sends {@code data} to one peer, an address, or the default target; completes with the bytes
   * that went out: a TCP server's send to all clients counts each client's copy (the clients
   * connected when the send was made).
   */
  CompletableFuture<Long> send(byte[] data, Integer peerId, HostPort to) {
    Session s = requireOpen();
    if (to != null) {
      return s.sendTo(to, data).thenApply(v -> (long) data.length);
    }
    if (peerId != null) {
      return s.send(peerId, data).thenApply(v -> (long) data.length);
    }
    long copies = spec instanceof TcpServerSpec ? Math.max(1, s.peers().size()) : 1;
    return s.send(data).thenApply(v -> copies * data.length);
  }

  void setAutoActions(AutoActions newActions, JsonObject asGiven) {
    actions = newActions;
    autoJson = asGiven.copy();
    Session s = session;
    if (s != null && !s.state().isTerminal()) {
      s.setAutoActions(newActions);
    }
    status.metaDirty.set(true);
  }

  void startPeriodic(PeriodicSend periodic) {
    Session s = requireOpen();
    int generation = periodicGeneration.incrementAndGet();
    periodicRunning = true;
    status.metaDirty.set(true);
    s.startPeriodic(periodic)
        .whenComplete(
            (v, failure) -> {
              if (periodicGeneration.get() == generation) {
                periodicRunning = false;
                status.metaDirty.set(true);
              }
            });
  }

  void stopPeriodic() {
    periodicGeneration.incrementAndGet();
    periodicRunning = false;
    status.metaDirty.set(true);
    Session s = session;
    if (s != null) {
      s.stopPeriodic();
    }
  }

  synchronized void resetCounters() {
    base = Counters.ZERO;
    Session s = session;
    if (s != null) {
      s.resetCounters();
    }
    rateBase = Counters.ZERO;
    status.peersDirty.set(true);
  }

  synchronized Counters counters() {
    Session s = session;
    return s == null ? base : base.plus(s.counters());
  }

  /**
   * Starts capturing the open session's traffic into {@code file} (classic pcap), replacing a
   * capture that runs; the file stays for {@link #captureFile()} after the capture stops.
   */
  synchronized void startCapture(Path file) {
    requireOpen().startCapture(CaptureOptions.to(file));
    captureFile = file;
    status.metaDirty.set(true);
  }

  synchronized void stopCapture() {
    Session s = session;
    if (s != null) {
      s.stopCapture();
    }
    status.metaDirty.set(true);
  }

  /** The last capture's file, or null when this tab never captured. */
  Path captureFile() {
    return captureFile;
  }

  /** The log's entries as event records, oldest first, data decoded in the display encoding. */
  List<EventRecord> logRecords() {
    LogRenderer renderer = newRenderer();
    return log.tail(LogRing.CAPACITY).stream()
        .filter(e -> e.record() != null)
        .map(renderer::decoded)
        .toList();
  }

  /**
   * The log as a test script, made by the recorder {@code --record} uses: sends become send steps,
   * the answers expect steps.
   *
   * @throws IllegalArgumentException when no script link can open this kind of session.
   */
  String testScript() {
    Session s = session;
    ScriptRecorder recorder = ScriptRecorder.of(spec, s == null ? null : s.localAddress());
    for (LogRing.Entry e : log.tail(LogRing.CAPACITY)) {
      if (e.record() != null) {
        recorder.add(e.record());
      }
    }
    return recorder.yaml();
  }

  void clearLog() {
    log.clear();
  }

  /** Changes the display encoding; the next {@link #snapshot} renders the tail in it. */
  void setDisplayCharset(Charset charset) {
    displayCharset = charset;
    status.metaDirty.set(true);
  }

  /** Everything a page needs to show this tab, with the log tail rendered afresh. */
  JsonObject snapshot() {
    return snapshot(SNAPSHOT_LINES, SNAPSHOT_BYTES);
  }

  /** {@link #snapshot()} with at most {@code maxLines} lines holding {@code maxBytes} of data. */
  JsonObject snapshot(int maxLines, int maxBytes) {
    List<LogRing.Entry> tail = log.tail(maxLines, maxBytes);
    JsonObject o = putMeta(new JsonObject().put("id", id));
    o.put("lines", newRenderer().render(tail));
    o.put("seq", tail.isEmpty() ? log.lastSeq() : tail.get(tail.size() - 1).seq());
    o.put("counters", TabJson.counters(counters()));
    return o.put("peers", TabJson.peers(session));
  }

  /**
   * The recent log as a snapshot has it ({@code lines}, {@code seq}), for a page that wants back
   * the lines a burst kept from it.
   */
  JsonObject logTail() {
    List<LogRing.Entry> tail = log.tail(SNAPSHOT_LINES, SNAPSHOT_BYTES);
    return new JsonObject()
        .put("lines", newRenderer().render(tail))
        .put("seq", tail.isEmpty() ? log.lastSeq() : tail.get(tail.size() - 1).seq());
  }

  /** Disconnects every client of a TCP server; completes with how many there were. */
  CompletableFuture<Integer> disconnectAll() {
    Session s = requireOpen();
    List<PeerInfo> peers = s.peers();
    CompletableFuture<?>[] closing =
        peers.stream().map(p -> s.disconnect(p.peer().id())).toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(closing).thenApply(v -> peers.size());
  }

  /**
   * The state of this tab without log lines, for a page that missed batches: {@code seq} is the
   * last line handed to a batch, so the page counts the lines up to it that it did not get.
   */
  JsonObject state() {
    JsonObject o = putMeta(new JsonObject().put("id", id));
    o.put("seq", log.drainedUpTo());
    o.put("counters", TabJson.counters(counters()));
    return o.put("peers", TabJson.peers(session));
  }

  /**
   * What changed since the last flush, or null for nothing. On a {@code fullTick} it also carries
   * the meta data, the peers and the rates.
   */
  JsonObject flush(boolean fullTick, long nowMillis, boolean render) {
    LogRing.Drain drain = log.drain(MAX_LINES_PER_FLUSH, MAX_BYTES_PER_FLUSH);
    if (!render) {
      return null;
    }
    JsonObject o = new JsonObject().put("id", id);
    boolean any = false;
    if (!drain.entries().isEmpty()) {
      if (renderer == null || !renderer.charset().equals(displayCharset)) {
        renderer = newRenderer();
      }
      o.put("lines", renderer.render(drain.entries()));
      any = true;
    }
    if (renderer != null) {
      for (LogRenderer.IdleStream idle : renderer.idleStreams(nowMillis)) {
        log.addHeld(nowMillis, idle.received(), idle.peerId(), idle.peer());
      }
    }
    if (status.metaDirty.getAndSet(false) || fullTick) {
      putMeta(o);
      any = true;
    }
    Counters c = counters();
    boolean countersChanged = !c.equals(lastCounters);
    if (countersChanged || fullTick) {
      o.put("counters", TabJson.counters(c));
      lastCounters = c;
      any = true;
    }
    if (status.peersDirty.getAndSet(false) || fullTick || (countersChanged && fewPeers())) {
      o.put("peers", TabJson.peers(session));
      any = true;
    }
    if (fullTick) {
      long dt = Math.max(1, nowMillis - rateAtMillis);
      long in = Math.max(0, c.bytesIn() - rateBase.bytesIn()) * 1000 / dt;
      long out = Math.max(0, c.bytesOut() - rateBase.bytesOut()) * 1000 / dt;
      o.put("rate", new JsonObject().put("t", nowMillis).put("in", in).put("out", out));
      rateBase = c;
      rateAtMillis = nowMillis;
    }
    return any ? o : null;
  }

  /** A renderer in the display charset: UDP decodes each datagram on its own. */
  private LogRenderer newRenderer() {
    return new LogRenderer(displayCharset, spec instanceof UdpSpec);
  }

  private JsonObject putMeta(JsonObject o) {
    Session s = session;
    SessionState state = s == null ? SessionState.NEW : s.state();
    InetSocketAddress local = s == null ? null : s.localAddress();
    o.put("spec", specJson)
        .put("state", state.name().toLowerCase(Locale.ROOT))
        .put("local", local == null ? null : HostPort.format(local));
    return status
        .putError(o)
        .put("encoding", displayCharset.name())
        .put("auto", autoJson)
        .put("periodic", periodicRunning)
        .put("capture", TabJson.capture(s, captureFile));
  }

  /** Few enough peers to resend with every counter change; more wait for the full tick. */
  private boolean fewPeers() {
    Session s = session;
    return s != null && s.peers().size() <= 32;
  }
}
