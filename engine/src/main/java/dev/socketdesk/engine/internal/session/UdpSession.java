package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.UdpConfig;
import dev.socketdesk.engine.internal.capture.CaptureFile;
import dev.socketdesk.engine.internal.capture.CaptureHandlers;
import dev.socketdesk.engine.internal.failures.Failures;
import dev.socketdesk.engine.internal.pipeline.PeerAddressing;
import dev.socketdesk.engine.internal.pipeline.PeerHandle;
import dev.socketdesk.engine.internal.pipeline.SessionHandlers;
import dev.socketdesk.engine.internal.transport.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * A UDP session: one bound socket; every distinct source address becomes a peer. At most {@link
 * #MAX_PEERS} peers are kept; the oldest makes room for a new one.
 */
final class UdpSession extends AbstractSession {
  static final int MAX_PEERS = 4096;
  private static final int MAX_DATAGRAM = 65536;

  private final UdpConfig config;
  private final SessionHandlers handlers =
      new SessionHandlers(this, PeerAddressing.datagrams(this::heardFrom, this::peerFor));
  private final Map<InetSocketAddress, PeerHandle> byAddress = new ConcurrentHashMap<>();
  private volatile DatagramChannel channel;
  private volatile InetSocketAddress remote;
  private volatile PeerHandle lastSender;

  UdpSession(int id, UdpConfig config, EventLoopGroup group, Executor executor) {
    super(id, SessionType.UDP, group, executor, config.actions());
    this.config = config;
  }

  @Override
  public String target() {
    String bound = ListenAddress.describe(config.bindHost(), config.port(), localAddress());
    return config.remote() == null ? bound : bound + " -> " + config.remote();
  }

  @Override
  void doOpen() {
    CompletableFuture.runAsync(this::resolveAndBind, executor);
  }

  private void resolveAndBind() {
    InetSocketAddress bindAddress;
    try {
      bindAddress = ListenAddress.of(config.bindHost(), config.port());
    } catch (UnknownHostException e) {
      failed(Failures.bind(e, config.bindHost(), config.port()));
      return;
    }
    if (config.remote() != null) {
      try {
        remote = resolve(config.remote());
      } catch (SessionException e) {
        failed(e);
        return;
      }
    }
    new Bootstrap()
        .group(group)
        .channel(Transport.datagramChannel())
        .option(ChannelOption.SO_BROADCAST, config.broadcast())
        .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
        .handler(
            new ChannelInitializer<DatagramChannel>() {
              @Override
              protected void initChannel(DatagramChannel ch) {
                handlers.install(ch.pipeline(), 0);
              }
            })
        .bind(bindAddress)
        .addListener(
            (ChannelFuture f) -> {
              if (!f.isSuccess()) {
                failed(Failures.bind(f.cause(), config.bindHost(), config.port()));
                return;
              }
              channel = (DatagramChannel) f.channel();
              joinGroups();
            });
  }

  private void joinGroups() {
    if (config.multicastGroups().isEmpty()) {
      boundOrClose();
      return;
    }
    NetworkInterface nif;
    try {
      nif = multicastInterface();
    } catch (SessionException e) {
      channel.close();
      failed(e);
      return;
    }
    CompletableFuture<?>[] joins = new CompletableFuture<?>[config.multicastGroups().size()];
    for (int i = 0; i < joins.length; i++) {
      String group = config.multicastGroups().get(i);
      CompletableFuture<Void> join = new CompletableFuture<>();
      joins[i] = join;
      try {
        InetAddress address = InetAddress.getByName(group);
        if (!address.isMulticastAddress()) {
          throw new SessionException(Kind.INVALID, UdpConfig.notMulticast(group));
        }
        channel
            .joinGroup(new InetSocketAddress(address, 0), nif)
            .addListener(
                f -> {
                  if (f.isSuccess()) {
                    join.complete(null);
                  } else {
                    join.completeExceptionally(
                        new SessionException(
                            Kind.OTHER,
                            "cannot join multicast group "
                                + group
                                + " on "
                                + nif.getName()
                                + ": "
                                + f.cause().getMessage()));
                  }
                });
      } catch (UnknownHostException | SessionException e) {
        join.completeExceptionally(
            e instanceof SessionException s
                ? s
                : new SessionException(
                    Kind.UNKNOWN_HOST, "unknown multicast group '" + group + "'"));
      }
    }
    CompletableFuture.allOf(joins)
        .whenComplete(
            (ok, error) -> {
              if (error == null) {
                boundOrClose();
              } else {
                channel.close();
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                failed(
                    cause instanceof SessionException s
                        ? s
                        : new SessionException(Kind.OTHER, cause.getMessage()));
              }
            });
  }

  private void boundOrClose() {
    if (isClosing()) {
      doClose();
    } else {
      CaptureFile file = capture();
      if (file != null) {
        CaptureHandlers.attach(channel, file);
      }
      opened(channel.localAddress());
    }
  }

  private NetworkInterface multicastInterface() {
    try {
      if (config.multicastInterface() != null) {
        NetworkInterface nif = NetworkInterface.getByName(config.multicastInterface());
        if (nif == null) {
          throw new SessionException(
              Kind.INVALID,
              "network interface '"
                  + config.multicastInterface()
                  + "' does not exist; use one"
                  + " of "
                  + NetworkInterface.networkInterfaces().map(NetworkInterface::getName).toList());
        }
        return nif;
      }
      return NetworkInterface.networkInterfaces()
          .filter(UdpSession::isUpMulticast)
          .min(Comparator.comparing(UdpSession::isLoopback))
          .orElseThrow(
              () ->
                  new SessionException(
                      Kind.INVALID, "no network interface supports multicast; check the network"));
    } catch (SocketException e) {
      throw new SessionException(Kind.OTHER, "cannot list network interfaces: " + e.getMessage());
    }
  }

  private static boolean isLoopback(NetworkInterface nif) {
    try {
      return nif.isLoopback();
    } catch (SocketException e) {
      return true;
    }
  }

  private static boolean isUpMulticast(NetworkInterface nif) {
    try {
      return nif.isUp() && nif.supportsMulticast();
    } catch (SocketException e) {
      return false;
    }
  }

  /** The peer for a source or destination address, created on first contact. */
  PeerHandle peerFor(InetSocketAddress address) {
    PeerHandle peer = byAddress.get(address);
    if (peer != null) {
      return peer;
    }
    if (byAddress.size() >= MAX_PEERS) {
      PeerHandle oldest = peers.oldest();
      byAddress.remove(oldest.address);
      peers.remove(oldest);
    }
    return byAddress.computeIfAbsent(
        address,
        a -> {
          PeerHandle created = newPeer(a, null);
          peers.put(created);
          return created;
        });
  }

  /** The peer for a datagram's sender, who is now the one that {@link #send} answers. */
  private PeerHandle heardFrom(InetSocketAddress sender) {
    PeerHandle peer = peerFor(sender);
    lastSender = peer;
    return peer;
  }

  @Override
  List<Channel> channels() {
    Channel ch = channel;
    return ch == null ? List.of() : List.of(ch);
  }

  @Override
  void doClose() {
    Channel ch = channel;
    if (ch == null) {
      return;
    }
    ch.close().addListener(f -> finishClose());
  }

  @Override
  List<PeerHandle> defaultTargets() {
    InetSocketAddress to = remote;
    if (to != null) {
      return List.of(peerFor(to));
    }
    PeerHandle last = lastSender;
    return last == null ? List.of() : List.of(last);
  }

  @Override
  ChannelFuture write(PeerHandle peer, byte[] data) {
    DatagramChannel ch = channel;
    if (ch == null) {
      throw new SessionException(Kind.NOT_CONNECTED, "the UDP socket is not open yet");
    }
    return ch.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(data), peer.address));
  }

  /** Worded as the failed datagram's event is (see {@link Failures#datagram}). */
  @Override
  SessionException writeFailure(Throwable cause, PeerHandle peer) {
    return Failures.datagram(cause, peer.toString());
  }

  @Override
  public CompletableFuture<Void> sendTo(HostPort to, byte[] data) {
    return CompletableFuture.supplyAsync(() -> peerFor(resolve(to)), executor)
        .thenCompose(peer -> writeTo(peer, data));
  }

  private static InetSocketAddress resolve(HostPort to) {
    try {
      HostPort.checkPort(to.port(), 1);
      return new InetSocketAddress(InetAddress.getByName(to.host()), to.port());
    } catch (UnknownHostException e) {
      throw new SessionException(
          Kind.UNKNOWN_HOST,
          "unknown host '" + to.host() + "'; check the spelling, or use the board's IP address");
    } catch (IllegalArgumentException e) {
      throw new SessionException(Kind.INVALID, e.getMessage());
    }
  }

  @Override
  SessionException nobodyToSendTo() {
    return new SessionException(
        Kind.NOT_CONNECTED,
        "no remote address: give one (host:port), or wait for a datagram and answer its sender");
  }
}
