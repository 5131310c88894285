package dev.socketdesk.engine.simulate.internal;

import dev.socketdesk.engine.internal.capture.CaptureFile;
import dev.socketdesk.engine.internal.capture.CaptureHandlers;
import dev.socketdesk.engine.simulate.SimulationConfig;
import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** What every device of one run shares. Thread-safe. */
final class RunContext {
  final SimulationConfig config;
  final StatsCollector stats;
  final ErrorCollector errors;
  final PayloadSource payloads;
  final byte[] greeting;
  final byte[] echoPrefix;
  final byte[] reply;
  final long intervalNanos;
  final long graceMillis;
  final ChannelGroup channels;

  /** TLS of every connection, set before the first one; null for plain TCP. */
  volatile dev.socketdesk.engine.internal.tls.TlsSetup tls;

  private final AtomicInteger remaining;
  private final Runnable allDone;
  private volatile InetSocketAddress target;
  private volatile boolean stopping;

  /** The file every device's traffic is captured into, or null. */
  volatile CaptureFile capture;

  RunContext(
      SimulationConfig config,
      StatsCollector stats,
      ErrorCollector errors,
      ChannelGroup channels,
      Runnable allDone) {
    this.config = config;
    this.stats = stats;
    this.errors = errors;
    this.channels = channels;
    this.allDone = allDone;
    this.payloads = new PayloadSource(config.payloads(), config.encoder());
    this.greeting = config.greeting();
    this.echoPrefix = config.echoPrefix();
    this.reply = config.reply();
    this.intervalNanos = config.interval().toNanos();
    this.graceMillis = config.connectTimeout().toMillis();
    this.remaining = new AtomicInteger(config.count());
  }

  InetSocketAddress target() {
    return target;
  }

  void target(InetSocketAddress resolved) {
    this.target = resolved;
  }

  boolean stopping() {
    return stopping;
  }

  void stop() {
    stopping = true;
  }

  /** Registers a device's channel so that the run can close it at the end, and captures it. */
  void track(Channel channel) {
    channels.add(channel);
    CaptureFile file = capture;
    if (file != null) {
      CaptureHandlers.attach(channel, file);
    }
  }

  /** A client device is done (closed or failed); the run ends when every device is. */
  void deviceDone() {
    if (remaining.decrementAndGet() == 0) {
      allDone.run();
    }
  }

  /** Whether device {@code seq} messages in has sent all it should. */
  boolean sentAll(long seq) {
    return config.messages() > 0 && seq >= config.messages();
  }
}
