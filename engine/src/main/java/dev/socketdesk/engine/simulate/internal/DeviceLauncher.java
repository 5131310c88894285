package dev.socketdesk.engine.simulate.internal;

import dev.socketdesk.engine.simulate.Profile;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts client devices at the ramp rate, keeping at most {@value #MAX_PENDING} connection attempts
 * in flight so that a burst does not overflow the target's accept backlog. Runs on one event loop.
 */
final class DeviceLauncher {
  static final int MAX_PENDING = 256;
  private static final long TICK_MILLIS = 10;
  private final RunContext run;
  private final Bootstrap bootstrap;
  private final EventLoop loop;
  private final AtomicInteger pending = new AtomicInteger();
  private final boolean udp;
  private final InetSocketAddress udpBind;
  private final InetSocketAddress[] sources;
  private ScheduledFuture<?> ticker;
  private long startNanos;
  private int launched;

  DeviceLauncher(RunContext run, Bootstrap bootstrap, EventLoop loop) {
    this.run = run;
    this.bootstrap = bootstrap;
    this.loop = loop;
    this.udp = run.config.profile().role() == Profile.Role.UDP_CLIENT;
    this.udpBind =
        new InetSocketAddress(
            run.target().getAddress() instanceof Inet6Address ? "::" : "0.0.0.0", 0);
    List<InetAddress> addresses = run.config.sourceAddresses();
    this.sources = new InetSocketAddress[addresses.size()];
    for (int i = 0; i < sources.length; i++) {
      sources[i] = new InetSocketAddress(addresses.get(i), 0);
    }
  }

  void start() {
    loop.execute(
        () -> {
          startNanos = System.nanoTime();
          ticker = loop.scheduleAtFixedRate(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        });
  }

  void stop() {
    loop.execute(
        () -> {
          if (ticker != null) {
            ticker.cancel(false);
          }
        });
  }

  private void tick() {
    int count = run.config.count();
    if (run.stopping() || launched >= count) {
      ticker.cancel(false);
      return;
    }
    long allowed = MAX_PENDING - pending.get();
    double ramp = run.config.rampPerSecond();
    if (ramp > 0) {
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      allowed = Math.min(allowed, (long) (ramp * seconds) + 1 - launched);
    }
    int firstId = run.config.firstId();
    for (long i = 0; i < allowed && launched < count; i++) {
      launched++;
      launch(
          firstId + launched - 1, sources.length == 0 ? null : sources[launched % sources.length]);
    }
  }

  /** Starts device {@code id}, bound to {@code source} (any port) before connecting, if given. */
  private void launch(int id, InetSocketAddress source) {
    run.stats.launched.increment();
    pending.incrementAndGet();
    long began = System.nanoTime();
    ChannelFuture attempt =
        udp
            ? bootstrap.handler(new UdpDevice(run, id)).bind(source == null ? udpBind : source)
            : source == null
                ? bootstrap
                    .handler(DeviceLayers.client(run, new TcpDevice(run, id)))
                    .connect(run.target())
                : bootstrap
                    .handler(DeviceLayers.client(run, new TcpDevice(run, id)))
                    .connect(run.target(), source);
    attempt.addListener(
        (ChannelFuture f) -> {
          pending.decrementAndGet();
          if (f.isSuccess() && !udp) {
            run.stats.recordConnect(System.nanoTime() - began);
          }
          if (!f.isSuccess()) {
            run.stats.failed.increment();
            run.errors.record(f.cause());
            run.deviceDone();
          }
        });
  }
}
