package dev.socketdesk.engine.internal.session;

import com.fazecast.jSerialComm.SerialPort;
import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.ControlLine;
import dev.socketdesk.engine.SerialConfig;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.SessionState;
import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.internal.pipeline.PeerAddressing;
import dev.socketdesk.engine.internal.pipeline.PeerHandle;
import dev.socketdesk.engine.internal.pipeline.SessionHandlers;
import dev.socketdesk.engine.internal.serial.SerialChannel;
import dev.socketdesk.engine.internal.serial.SerialPortOpener;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A serial port session: the port is one peer, the device. Opening, control lines and writes run on
 * one port thread ({@code portThread}), in order, never on an event loop; the port as a channel is
 * a {@link SerialChannel} carrying the session's shared handlers. With reconnect, a port that
 * cannot be opened or disappears is opened again with backoff, as a new peer.
 */
final class SerialSession extends AbstractSession {
  private final SerialConfig config;
  private final SessionHandlers handlers = new SessionHandlers(this, PeerAddressing.CONNECTION);
  private final ExecutorService portThread;
  private volatile SerialChannel channel;
  private volatile ScheduledFuture<?> reopenTimer;
  private int attempt;

  SerialSession(int id, SerialConfig config, EventLoopGroup group, Executor dispatch) {
    super(id, SessionType.SERIAL, group, dispatch, config.actions());
    this.config = config;
    setGrouping(config.grouping());
    this.portThread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "socketdesk-serial " + config.path());
              t.setDaemon(true);
              return t;
            });
    closed().whenComplete((v, e) -> portThread.shutdown());
  }

  @Override
  public String target() {
    return config.path() + " " + config.baud() + " " + config.frame();
  }

  @Override
  void doOpen() {
    portThread.execute(this::openPort);
  }

  /** Port thread. */
  private void openPort() {
    if (isClosing()) {
      return;
    }
    SerialPort port;
    try {
      port = SerialPortOpener.open(config);
    } catch (SessionException e) {
      if (config.reconnect() && canReappear(e) && !isClosing()) {
        events.emit(SessionEvent.Error.of(Instant.now(), null, e));
        scheduleReopen(e.getMessage());
      } else if (isClosing()) {
        finishClose();
      } else {
        failed(e);
      }
      return;
    }
    SerialChannel ch = new SerialChannel(port, config.path(), portThread);
    handlers.install(ch.pipeline(), 0);
    channel = ch;
    attempt = 0;
    group
        .next()
        .register(ch)
        .addListener(
            f -> {
              if (!f.isSuccess()) {
                ch.unsafe().closeForcibly();
                failed(
                    new SessionException(
                        Kind.OTHER, "cannot use " + config.path() + ": " + f.cause()));
              } else if (isClosing()) {
                ch.close();
              }
            });
  }

  /** Whether reopening may help: not for a path that is no port, nor for refused settings. */
  private static boolean canReappear(SessionException e) {
    return e.kind() != Kind.SERIAL_UNSUPPORTED
        && e.kind() != Kind.SERIAL_NOT_A_PORT
        && e.kind() != Kind.INVALID;
  }

  private void scheduleReopen(String cause) {
    attempt++;
    long min = config.reconnectMin().toMillis();
    long delay = Math.min(config.reconnectMax().toMillis(), min << Math.min(attempt - 1, 20));
    setState(SessionState.OPEN, SessionState.RECONNECTING);
    setState(SessionState.OPENING, SessionState.RECONNECTING);
    events.emit(new SessionEvent.Reconnecting(Instant.now(), attempt, delay, cause));
    reopenTimer =
        group
            .next()
            .schedule(() -> portThread.execute(this::openPort), delay, TimeUnit.MILLISECONDS);
  }

  @Override
  void peerRegistered(PeerHandle peer) {
    opened((InetSocketAddress) peer.channel.localAddress());
  }

  @Override
  public void peerDisconnected(PeerHandle peer, CloseReason reason) {
    super.peerDisconnected(peer, reason);
    if (isClosing()) {
      finishClose();
    } else if (config.reconnect()) {
      scheduleReopen("the port was " + reason.description());
    } else {
      finishClose();
    }
  }

  @Override
  void doClose() {
    ScheduledFuture<?> timer = reopenTimer;
    if (timer != null) {
      timer.cancel(false);
    }
    SerialChannel ch = channel;
    if (ch != null && ch.isOpen()) {
      for (PeerHandle peer : peers.inIdOrder()) {
        peer.closeReason = CloseReason.LOCAL;
      }
      ch.close();
    } else {
      portThread.execute(this::finishClose);
    }
  }

  @Override
  public CompletableFuture<Void> setControlLine(ControlLine line, boolean on) {
    SerialChannel ch = channel;
    if (ch == null || !ch.isOpen() || portThread.isShutdown()) {
      return CompletableFuture.failedFuture(nobodyToSendTo());
    }
    return CompletableFuture.supplyAsync(
            () -> SerialPortOpener.setLine(ch.port(), line, on), portThread)
        .thenAccept(
            done -> {
              if (!done) {
                throw new SessionException(
                    Kind.INVALID,
                    "serial port "
                        + config.path()
                        + " has no "
                        + line
                        + " line to set (a"
                        + " pseudo-terminal has none)");
              }
            });
  }

  @Override
  SessionException nobodyToSendTo() {
    return new SessionException(
        Kind.NOT_CONNECTED,
        "serial port "
            + config.path()
            + " is not open"
            + (config.reconnect() ? " yet; it is being reopened" : ""));
  }
}
