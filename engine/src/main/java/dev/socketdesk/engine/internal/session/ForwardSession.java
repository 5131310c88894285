package dev.socketdesk.engine.internal.session;

import com.fazecast.jSerialComm.SerialPort;
import dev.socketdesk.engine.ForwardConfig;
import dev.socketdesk.engine.ForwardTarget;
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
import dev.socketdesk.engine.internal.transport.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.AttributeKey;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forward session: a TCP server whose every client is relayed to the target ({@link
 * ForwardRelay}). The clients are the peers, with the session's handlers (counters, log, capture,
 * automatic answers); the target connections only relay. A client's reading waits until its target
 * is connected; a target that cannot be reached closes the client's connection.
 */
final class ForwardSession extends TcpServerSession {
  private static final AttributeKey<ForwardRelay> RELAY = AttributeKey.valueOf("socketdesk.relay");
  private static final String RELAY_HANDLER = "relay";

  private final ForwardConfig config;

  /** Serial targets only: opens ports and writes to them; blocking calls, off the event loops. */
  private final ExecutorService serialThreads;

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

  /** Event loop of the client: pauses its reading and opens its target. */
  @Override
  void peerRegistered(PeerHandle peer) {
    Channel client = peer.channel;
    ForwardRelay relay =
        new ForwardRelay(client, peer, config.target().toString(), events, config.edits());
    client.pipeline().replace(RELAY_HANDLER, RELAY_HANDLER, relay.clientSide());
    client.attr(RELAY).set(relay);
    client.pipeline().fireUserEventTriggered(BackpressureHandler.RELAY_FULL);
    if (config.target() instanceof ForwardTarget.Serial serial) {
      openSerial(client, relay, serial);
    } else {
      connect(client, relay, (ForwardTarget.Tcp) config.target());
    }
  }

  private void connect(Channel client, ForwardRelay relay, ForwardTarget.Tcp tcp) {
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
                relay.installTargetSide(ch);
              }
            })
        .connect(tcp.remote().unresolved())
        .addListener(
            (ChannelFuture f) -> {
              if (f.isSuccess()) {
                relay.targetReady(f.channel());
              } else {
                relay.targetFailed(
                    Failures.connect(f.cause(), tcp.remote().toString(), null, timeout));
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
                relay.targetReady(channel);
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
