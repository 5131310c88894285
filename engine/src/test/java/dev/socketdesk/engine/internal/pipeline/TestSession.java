package dev.socketdesk.engine.internal.pipeline;

import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.Grouping;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.internal.capture.CaptureFile;
import dev.socketdesk.engine.internal.events.EventDispatcher;
import dev.socketdesk.engine.testing.EventRecorder;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * A session for handler tests on {@code EmbeddedChannel}: listener deliveries wait in a queue until
 * {@link #deliver()} runs them, so a test decides when listeners catch up.
 */
final class TestSession implements PipelineSession {
  static final InetSocketAddress BOARD = new InetSocketAddress("127.0.0.1", 5000);
  static final InetSocketAddress OTHER_BOARD = new InetSocketAddress("127.0.0.2", 5001);

  final Queue<Runnable> deliveries = new ArrayDeque<>();
  final EventDispatcher events = new EventDispatcher(deliveries::add);
  final EventRecorder recorder = new EventRecorder();
  final MutableCounters totals = new MutableCounters();
  final List<PeerHandle> connected = new ArrayList<>();
  final List<CloseReason> disconnects = new ArrayList<>();
  volatile AutoActions actions = AutoActions.NONE;
  volatile Grouping grouping = Grouping.NONE;
  CaptureFile capture;
  boolean refuse;
  boolean closing;
  private int nextId = 1;

  TestSession() {
    events.addListener(recorder);
  }

  /** Runs the queued listener deliveries. */
  void deliver() {
    for (Runnable r; (r = deliveries.poll()) != null; ) {
      r.run();
    }
  }

  /** A datagram peer for an address, created on first use, as a UDP session keeps them. */
  PeerHandle peerFor(InetSocketAddress address) {
    for (PeerHandle p : connected) {
      if (p.address.equals(address)) {
        return p;
      }
    }
    PeerHandle peer = new PeerHandle(nextId++, address, null);
    connected.add(peer);
    return peer;
  }

  @Override
  public EventDispatcher events() {
    return events;
  }

  @Override
  public MutableCounters totals() {
    return totals;
  }

  @Override
  public AutoActions autoActions() {
    return actions;
  }

  @Override
  public Grouping grouping() {
    return grouping;
  }

  @Override
  public byte[] echoPrefix() {
    return actions.echoPrefix();
  }

  @Override
  public PeerHandle peerConnected(Channel channel, int acceptedAs) {
    if (refuse) {
      return null;
    }
    PeerHandle peer = new PeerHandle(acceptedAs != 0 ? acceptedAs : nextId++, BOARD, channel);
    connected.add(peer);
    events.emit(new SessionEvent.Connected(Instant.now(), peer.peer()));
    return peer;
  }

  @Override
  public void peerDisconnected(PeerHandle peer, CloseReason reason) {
    disconnects.add(reason);
  }

  @Override
  public CaptureFile capture() {
    return capture;
  }

  @Override
  public boolean isClosing() {
    return closing;
  }

  @Override
  public void handshakeFailed(Channel channel, dev.socketdesk.engine.SessionException error) {
    events.emit(SessionEvent.Error.of(Instant.now(), null, error));
  }
}
