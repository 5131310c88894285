package dev.socketdesk.engine.internal.session;

import com.fazecast.jSerialComm.SerialPort;
import dev.socketdesk.engine.ControlLine;
import dev.socketdesk.engine.SerialConfig;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.internal.pipeline.PeerAddressing;
import dev.socketdesk.engine.internal.pipeline.PeerHandle;
import dev.socketdesk.engine.internal.pipeline.SessionHandlers;
import dev.socketdesk.engine.internal.serial.SerialChannel;
import dev.socketdesk.engine.internal.serial.SerialPortOpener;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A serial port session: the port is one peer, the device. Opening, control lines and writes run on
 * one port thread ({@code portThread}), in order, never on an event loop; the port as a channel is
 * a {@link SerialChannel} carrying the session's shared handlers. With reconnect, a port that
 * cannot be opened or disappears is opened again with backoff, as a new peer.
 */
final class SerialSession extends ReconnectingSession {
  private final SerialConfig config;
  private final SessionHandlers handlers = new SessionHandlers(this, PeerAddressing.CONNECTION);
  private final ExecutorService portThread;
  private volatile SerialChannel channel;

  SerialSession(int id, SerialConfig config, EventLoopGroup group, Executor dispatch) {
    super(
        id,
        SessionType.SERIAL,
        group,
        dispatch,
        config.actions(),
        new Retry(config.reconnect(), config.reconnectMin(), config.reconnectMax()));
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
      attemptFailed(e, canReappear(e));
      return;
    }
    SerialChannel ch = new SerialChannel(port, config.path(), portThread);
    handlers.install(ch.pipeline(), 0);
    channel = ch;
    attemptSucceeded();
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

  @Override
  void reopen() {
    portThread.execute(this::openPort);
  }

  @Override
  String linkName() {
    return "port";
  }

  @Override
  void peerRegistered(PeerHandle peer) {
    opened((InetSocketAddress) peer.channel.localAddress());
  }

  @Override
  void doClose() {
    cancelRetry();
    SerialChannel ch = channel;
    if (ch != null && ch.isOpen()) {
      closingPeersLocally();
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
            + (reconnects() ? " yet; it is being reopened" : ""));
  }
}
