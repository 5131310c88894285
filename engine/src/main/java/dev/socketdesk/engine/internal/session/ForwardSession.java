package dev.socketdesk.engine.internal.session;

import com.fazecast.jSerialComm.SerialPort;
import dev.socketdesk.engine.ForwardConfig;
import dev.socketdesk.engine.ForwardTarget;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.TcpServerConfig;
import dev.socketdesk.engine.internal.failures.Failures;
import dev.socketdesk.engine.internal.pipeline.BackpressureHandler;
import dev.socketdesk.engine.internal.pipeline.PeerHandle;
import dev.socketdesk.engine.internal.pipeline.SessionHandlers;
import dev.socketdesk.engine.internal.serial.SerialChannel;
import dev.socketdesk.engine.internal.serial.SerialPortOpener;
import dev.socketdesk.engine.internal.tls.TlsSetup;
import dev.socketdesk.engine.internal.transport.Transport;
import dev.socketdesk.engine.internal.websocket.ClientUpgrade;
import dev.socketdesk.engine.internal.websocket.TargetMessages;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A forward session: a TCP server whose every client is relayed to the target ({@link
 * ForwardRelay}). The clients are the peers, with the session's handlers (counters, log, capture,
 * automatic answers); the target connections only relay. A client's reading waits until its target
 * is connected (and its TLS and WebSocket handshakes done); a target that cannot be reached closes
 * the client's connection. A target kind adds only what opens its channel and how its output ends.
 */
final class ForwardSession extends TcpServerSession {
  private static final AttributeKey<ForwardRelay> RELAY = AttributeKey.valueOf("socketdesk.relay");
  private static final String RELAY_HANDLER = "relay";

  private final ForwardConfig config;

  /** Serial targets only: opens ports and writes to them; blocking calls, off the event loops. */
  private final ExecutorService serialThreads;

  /** The TLS of a {@code tls://} or {@code wss://} target, made when the session opens. */
  private TlsSetup targetTls;

  ForwardSession(int id, ForwardConfig config, EventLoopGroup group, Executor executor) {
    super(
        id,
        SessionType.FORWARD,
        TcpServerConfig.listen(config.bindHost(), config.port()).withActions(config.actions()),
        group,
        executor);
    this.config = config;
    if (config.target() instanceof ForwardTarget.Serial) {
      serialThreads =
          Executors.newCachedThreadPool(
              r -> {
                Thread t = new Thread(r, "socketdesk-forward-serial");
                t.setDaemon(true);
                return t;
              });
      closed().whenComplete((v, e) -> serialThreads.shutdown());
    } else {
      serialThreads = null;
    }
  }

  @Override
  public String target() {
    return super.target() + " -> " + config.target();
  }

  @Override
  public boolean relays() {
    return true;
  }

  @Override
  void install(Channel child, int peerId) {
    super.install(child, peerId);
    child.pipeline().addBefore(SessionHandlers.AUTO_REPLY, RELAY_HANDLER, new RelayPlaceholder());
  }

  @Override
  void doOpen() {
    ForwardTarget target = config.target();
    if (target.secure()) {
      try {
        targetTls =
            target instanceof ForwardTarget.Tls tls
                ? TlsSetup.client(tls.tls(), tls.remote())
                : TlsSetup.client(
                    ((ForwardTarget.WebSocket) target).config().tls(),
                    ((ForwardTarget.WebSocket) target).config().remote());
      } catch (SessionException e) {
        failed(e);
        return;
      }
      if (targetTls.openingNotice() != null) {
        events.emit(
            new SessionEvent.Notice(
                Instant.now(),
                null,
                "warning",
                "target " + target + ": " + targetTls.openingNotice()));
      }
    }
    super.doOpen();
  }

  /** Event loop of the client: pauses its reading and opens its target. */
  @Override
  void peerRegistered(PeerHandle peer) {
    Channel client = peer.channel;
    ForwardTarget target = config.target();
    ForwardRelay relay =
        new ForwardRelay(
            client, peer, target.toString(), events, config.edits(), halfClose(target));
    client.pipeline().replace(RELAY_HANDLER, RELAY_HANDLER, relay.clientSide());
    client.attr(RELAY).set(relay);
    client.pipeline().fireUserEventTriggered(BackpressureHandler.RELAY_FULL);
    String name = target.toString();
    if (target instanceof ForwardTarget.Serial serial) {
      openSerial(client, relay, serial);
    } else if (target instanceof ForwardTarget.Tls tls) {
      connect(client, relay, tls.remote(), 1, ch -> targetTls.install(ch, name));
    } else if (target instanceof ForwardTarget.WebSocket ws) {
      connect(
          client,
          relay,
          ws.config().remote(),
          targetTls == null ? 1 : 2,
          ch -> {
            if (targetTls != null) {
              targetTls.install(ch, name);
            }
            ClientUpgrade.install(ch.pipeline(), ws.config());
            ch.pipeline().addLast(TargetMessages.NAME, new TargetMessages());
          });
    } else {
      connect(client, relay, ((ForwardTarget.Tcp) target).remote(), 0, ch -> {});
    }
  }

  /** How the target's output ends while its input goes on; null for a target without half-close. */
  private static Function<Channel, ChannelFuture> halfClose(ForwardTarget target) {
    if (target instanceof ForwardTarget.Serial) {
      return null;
    }
    if (target instanceof ForwardTarget.WebSocket) {
      return TargetMessages::shutdownOutput;
    }
    if (target instanceof ForwardTarget.Tls) {
      return ch -> {
        ChannelPromise done = ch.newPromise();
        ch.pipeline()
            .get(SslHandler.class)
            .closeOutbound()
            .addListener(f -> ((DuplexChannel) ch).shutdownOutput(done));
        return done;
      };
    }
    return ch -> ((DuplexChannel) ch).shutdownOutput();
  }

  /**
   * Connects to the target at {@code remote}: {@code transport} adds the handlers of its kind (TLS,
   * the WebSocket upgrade) in front of the relay's, and their {@code stages} handshakes end before
   * relaying starts.
   */
  private void connect(
      Channel client,
      ForwardRelay relay,
      HostPort remote,
      int stages,
      Consumer<Channel> transport) {
    long timeout = config.connectTimeout().toMillis();
    new Bootstrap()
        .group(client.eventLoop())
        .channel(Transport.socketChannel())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .option(ChannelOption.RCVBUF_ALLOCATOR, TcpPipeline.RECV_ALLOCATOR)
        .option(ChannelOption.WRITE_BUFFER_WATER_MARK, Transport.WRITE_WATER_MARK)
        .handler(
            new ChannelInitializer<>() {
              @Override
              protected void initChannel(Channel ch) {
                transport.accept(ch);
                if (stages > 0) {
                  ch.pipeline()
                      .addLast(
                          TargetHandshake.NAME,
                          new TargetHandshake(relay, config.target().toString(), stages));
                }
                relay.installTargetSide(ch);
              }
            })
        .connect(remote.unresolved())
        .addListener(
            (ChannelFuture f) -> {
              if (!f.isSuccess()) {
                relay.targetFailed(Failures.connect(f.cause(), remote.toString(), null, timeout));
              } else if (stages == 0) {
                relay.targetReady(f.channel(), List.of());
              }
            });
  }

  private void openSerial(Channel client, ForwardRelay relay, ForwardTarget.Serial serial) {
    CompletableFuture.supplyAsync(() -> SerialPortOpener.open(serial.config()), serialThreads)
        .whenComplete(
            (port, error) ->
                client
                    .eventLoop()
                    .execute(
                        () -> {
                          if (error != null) {
                            relay.targetFailed(failure(error));
                          } else {
                            registerSerial(client, relay, serial, port);
                          }
                        }));
  }

  private void registerSerial(
      Channel client, ForwardRelay relay, ForwardTarget.Serial serial, SerialPort port) {
    SerialChannel channel = new SerialChannel(port, serial.config().path(), serialThreads);
    relay.installTargetSide(channel);
    client
        .eventLoop()
        .register(channel)
        .addListener(
            f -> {
              if (f.isSuccess()) {
                relay.targetReady(channel, List.of());
              } else {
                channel.unsafe().closeForcibly();
                relay.targetFailed(Failures.io(f.cause(), serial.config().path()));
              }
            });
  }

  private static SessionException failure(Throwable error) {
    Throwable cause = error.getCause() != null ? error.getCause() : error;
    return cause instanceof SessionException e
        ? e
        : new SessionException(Kind.OTHER, String.valueOf(cause));
  }

  /** Holds the relay's place in an accepted connection's pipeline until it is registered. */
  private static final class RelayPlaceholder extends ChannelInboundHandlerAdapter {}
}
