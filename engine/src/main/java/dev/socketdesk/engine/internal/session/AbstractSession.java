package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.CaptureOptions;
import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.ControlLine;
import dev.socketdesk.engine.Counters;
import dev.socketdesk.engine.Grouping;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.PeerInfo;
import dev.socketdesk.engine.PeriodicSend;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.SessionListener;
import dev.socketdesk.engine.SessionState;
import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.internal.capture.CaptureFile;
import dev.socketdesk.engine.internal.events.EventDispatcher;
import dev.socketdesk.engine.internal.failures.Failures;
import dev.socketdesk.engine.internal.pipeline.MutableCounters;
import dev.socketdesk.engine.internal.pipeline.PeerHandle;
import dev.socketdesk.engine.internal.pipeline.PipelineSession;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/** Lifecycle, peers, counters, listeners and periodic sends shared by the three session kinds. */
abstract class AbstractSession implements Session, PipelineSession {
  final EventDispatcher events;
  final MutableCounters counters = new MutableCounters();
  final EventLoopGroup group;
  final Executor executor;
  final PeerTable peers = new PeerTable();

  private final int id;
  private final SessionType type;
  private final AtomicInteger nextPeerId = new AtomicInteger(1);
  private final SessionLifecycle lifecycle;
  private final SessionPeriodic periodic = new SessionPeriodic();
  private volatile AutoActions actions;
  private volatile Grouping grouping = Grouping.NONE;

  /** {@code actions.echoPrefix()}, copied once instead of on every echo. Never modified. */
  private volatile byte[] echoPrefix;

  private volatile InetSocketAddress local;
  private final SessionCapture capture;

  AbstractSession(
      int id, SessionType type, EventLoopGroup group, Executor executor, AutoActions actions) {
    this.id = id;
    this.type = type;
    this.group = group;
    this.executor = executor;
    this.events = new EventDispatcher(executor);
    this.lifecycle =
        new SessionLifecycle(
            id, events, this::openOrFail, this::doClose, this::stopPeriodic, this::stopCapture);
    this.capture =
        new SessionCapture(
            group,
            this::channels,
            failure -> events.emit(SessionEvent.Error.of(Instant.now(), null, failure)));
    setAutoActions(actions);
  }

  /** Starts binding or connecting; ends in {@link #opened} or {@link #failed}. */
  abstract void doOpen();

  private void openOrFail() {
    try {
      doOpen();
    } catch (RuntimeException e) {
      failed(new SessionException(Kind.OTHER, "cannot open " + target() + ": " + e.getMessage()));
    }
  }

  /** Closes the sockets; ends in {@link #finishClose()}. State is CLOSING. */
  abstract void doClose();

  /**
   * The peers that {@link #send(byte[])} goes to; empty when there is nobody. Every connected peer,
   * unless the transport says otherwise.
   */
  List<PeerHandle> defaultTargets() {
    return peers.inIdOrder();
  }

  /**
   * Writes {@code data} to one peer: on its own connection, unless the transport says otherwise.
   */
  ChannelFuture write(PeerHandle peer, byte[] data) {
    return peer.channel.writeAndFlush(Unpooled.wrappedBuffer(data));
  }

  @Override
  public final int id() {
    return id;
  }

  @Override
  public final SessionType type() {
    return type;
  }

  @Override
  public final SessionState state() {
    return lifecycle.state();
  }

  @Override
  public final CompletableFuture<InetSocketAddress> open() {
    return lifecycle.open();
  }

  @Override
  public final CompletableFuture<Void> closed() {
    return lifecycle.closed();
  }

  @Override
  public final InetSocketAddress localAddress() {
    return local;
  }

  @Override
  public List<PeerInfo> peers() {
    return peers.inIdOrder().stream().map(PeerHandle::info).toList();
  }

  @Override
  public final Counters counters() {
    return counters.snapshot();
  }

  @Override
  public final void resetCounters() {
    counters.reset();
    peers.inIdOrder().forEach(MutableCounters::reset);
  }

  @Override
  public final void addListener(SessionListener listener) {
    events.addListener(listener);
  }

  @Override
  public final void addDirectListener(SessionListener listener) {
    events.addDirectListener(listener);
  }

  @Override
  public final void removeListener(SessionListener listener) {
    events.removeListener(listener);
  }

  @Override
  public final AutoActions autoActions() {
    return actions;
  }

  @Override
  public final void setAutoActions(AutoActions actions) {
    AutoActions set = actions == null ? AutoActions.NONE : actions;
    this.echoPrefix = set.echoPrefix();
    this.actions = set;
  }

  @Override
  public final Grouping grouping() {
    return grouping;
  }

  @Override
  public final void setGrouping(Grouping grouping) {
    this.grouping = grouping == null ? Grouping.NONE : grouping;
  }

  @Override
  public final EventDispatcher events() {
    return events;
  }

  @Override
  public final MutableCounters totals() {
    return counters;
  }

  @Override
  public final byte[] echoPrefix() {
    return echoPrefix;
  }

  @Override
  public final CompletableFuture<Void> send(byte[] data) {
    List<PeerHandle> targets = defaultTargets();
    if (targets.isEmpty()) {
      return CompletableFuture.failedFuture(nobodyToSendTo());
    }
    CompletableFuture<?>[] writes =
        targets.stream().map(p -> writeTo(p, data)).toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(writes);
  }

  @Override
  public CompletableFuture<Void> send(int peerId, byte[] data) {
    PeerHandle peer = peers.get(peerId);
    if (peer == null) {
      return CompletableFuture.failedFuture(unknownPeer(peerId));
    }
    return writeTo(peer, data);
  }

  final CompletableFuture<Void> writeTo(PeerHandle peer, byte[] data) {
    try {
      return toFuture(write(peer, data), peer);
    } catch (SessionException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<Void> sendTo(HostPort remote, byte[] data) {
    return notForThisType("sending to an address is for UDP sessions");
  }

  @Override
  public CompletableFuture<Void> disconnect(int peerId) {
    return notForThisType("disconnecting a client is for TCP servers");
  }

  @Override
  public CompletableFuture<Void> shutdownOutput() {
    return notForThisType("half-closing is for TCP clients");
  }

  @Override
  public CompletableFuture<Void> setControlLine(ControlLine line, boolean on) {
    return notForThisType(line + " and the other control lines are for serial ports");
  }

  /** The failure of an operation that this type of session does not have. */
  private CompletableFuture<Void> notForThisType(String operationIsFor) {
    return CompletableFuture.failedFuture(
        new SessionException(Kind.INVALID, operationIsFor + "; this is a " + type.label()));
  }

  @Override
  public final CompletableFuture<Void> startPeriodic(PeriodicSend send) {
    return periodic.start(new PeriodicTask(this, send), state().isTerminal(), group.next());
  }

  @Override
  public final void stopPeriodic() {
    periodic.stop();
  }

  @Override
  public final synchronized void startCapture(CaptureOptions options) {
    capture.start(options);
    // A session that ended meanwhile captures nothing more: its end stopped the old capture only.
    if (state().isTerminal()) {
      stopCapture();
    }
  }

  @Override
  public final synchronized void stopCapture() {
    capture.stop();
  }

  @Override
  public final CaptureOptions capturing() {
    CaptureFile file = capture.file();
    return file == null ? null : file.options();
  }

  @Override
  public final CaptureFile capture() {
    return capture.file();
  }

  /** The session's open channels, which a capture attaches to. */
  List<Channel> channels() {
    return peers.channels();
  }

  @Override
  public final CompletableFuture<Void> close() {
    return lifecycle.close();
  }

  @Override
  public boolean isClosing() {
    return lifecycle.isClosing();
  }

  /** OPENING or RECONNECTING to OPEN; the first time, completes {@link #open()}. */
  final void opened(InetSocketAddress localAddress) {
    this.local = localAddress;
    lifecycle.opened(localAddress);
  }

  /** Opening failed for good. */
  final void failed(SessionException e) {
    lifecycle.failed(e);
  }

  final void setState(SessionState expected, SessionState next) {
    lifecycle.setState(expected, next);
  }

  /** Everything is closed: report it. Idempotent. */
  final void finishClose() {
    lifecycle.finishClose();
  }

  @Override
  public PeerHandle peerConnected(Channel channel, int acceptedAs) {
    if (isClosing()) {
      return null;
    }
    int peerId = acceptedAs != 0 ? acceptedAs : nextPeerId();
    PeerHandle peer = new PeerHandle(peerId, (InetSocketAddress) channel.remoteAddress(), channel);
    peers.put(peer);
    peerRegistered(peer);
    events.emit(new SessionEvent.Connected(Instant.now(), peer.peer()));
    return peer;
  }

  @Override
  public void handshakeFailed(Channel channel, SessionException error) {
    events.emit(SessionEvent.Error.of(Instant.now(), null, error));
  }

  /** Called when a new peer can be sent to, before its {@link SessionEvent.Connected} event. */
  void peerRegistered(PeerHandle peer) {}

  final PeerHandle newPeer(InetSocketAddress address, Channel channel) {
    return new PeerHandle(nextPeerId(), address, channel);
  }

  /** The next peer id: 1, 2, 3, ... never reused within this session. */
  final int nextPeerId() {
    return nextPeerId.getAndIncrement();
  }

  @Override
  public void peerDisconnected(PeerHandle peer, CloseReason reason) {
    peers.remove(peer);
    events.emit(new SessionEvent.Disconnected(Instant.now(), peer.peer(), reason, peer.snapshot()));
  }

  SessionException nobodyToSendTo() {
    return new SessionException(
        Kind.NOT_CONNECTED, "nobody to send to: no client is connected yet; wait for one");
  }

  final SessionException unknownPeer(int peerId) {
    return peers.notConnected(peerId);
  }

  final CompletableFuture<Void> toFuture(ChannelFuture write, PeerHandle peer) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    write.addListener(
        f -> {
          if (f.isSuccess()) {
            result.complete(null);
          } else {
            result.completeExceptionally(writeFailure(f.cause(), peer));
          }
        });
    return result;
  }

  /** A write to {@code peer} that failed, as the send's future reports it. */
  SessionException writeFailure(Throwable cause, PeerHandle peer) {
    return Failures.io(cause, peer.toString());
  }

  @Override
  public String toString() {
    return type.label() + " " + target() + " (" + state() + ")";
  }
}
