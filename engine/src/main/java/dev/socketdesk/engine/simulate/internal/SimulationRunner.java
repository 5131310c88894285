package dev.socketdesk.engine.simulate.internal;

import dev.socketdesk.engine.CaptureOptions;
import dev.socketdesk.engine.FileRing;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.internal.capture.CaptureFile;
import dev.socketdesk.engine.internal.events.EventDispatcher;
import dev.socketdesk.engine.internal.pipeline.BackpressureHandler;
import dev.socketdesk.engine.internal.serial.SerialChannel;
import dev.socketdesk.engine.internal.serial.SerialPortOpener;
import dev.socketdesk.engine.internal.tls.TlsSetup;
import dev.socketdesk.engine.internal.transport.Transport;
import dev.socketdesk.engine.simulate.ErrorCause;
import dev.socketdesk.engine.simulate.ErrorGroup;
import dev.socketdesk.engine.simulate.Limits;
import dev.socketdesk.engine.simulate.Profile;
import dev.socketdesk.engine.simulate.SimulationConfig;
import dev.socketdesk.engine.simulate.Stats;
import dev.socketdesk.engine.simulate.Summary;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Runs one simulation on its own event loops. */
public final class SimulationRunner {
  private final SimulationConfig config;
  private final ErrorCollector errors = new ErrorCollector();
  private final StatsCollector stats = new StatsCollector(errors);
  private final DefaultChannelGroup channels =
      new DefaultChannelGroup("simulated-devices", GlobalEventExecutor.INSTANCE);
  private final RunContext run;
  private final CompletableFuture<Summary> done = new CompletableFuture<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean finishing = new AtomicBoolean();
  // The figures when the run stopped, set before any device closes.
  private volatile Stats stopped;
  private final List<String> warnings = new ArrayList<>();
  private EventLoopGroup group;
  private DeviceLauncher launcher;
  private volatile Channel listener;
  private volatile String target;
  private volatile IntervalLogWriter log;

  public SimulationRunner(SimulationConfig config) {
    this.config = config;
    this.run = new RunContext(config, stats, errors, channels, this::finish);
    this.target = config.targetText();
  }

  /**
   * Captures every device's traffic into one pcap file series; before {@link #start()}. A write
   * error later stops the capture and counts as an error of the run.
   *
   * @throws SessionException when the first file cannot be created.
   */
  public void capture(CaptureOptions options) {
    try {
      run.capture =
          CaptureFile.open(
              options,
              failure -> {
                errors.record(ErrorCause.OTHER, failure.getMessage());
                synchronized (warnings) {
                  warnings.add(failure.getMessage());
                }
              });
    } catch (IOException e) {
      throw new SessionException(Kind.INVALID, FileRing.cannotWrite(e, options.file()));
    }
  }

  /** The pre-run warnings: open-file limit and local port range. */
  public List<String> checkLimits(Limits limits) {
    synchronized (warnings) {
      warnings.clear();
      warnings.addAll(limits.warnings(config));
      return List.copyOf(warnings);
    }
  }

  /**
   * Binds (servers) or resolves the target and starts launching devices (clients). Completes with
   * the bound address (servers) or the resolved target (clients).
   */
  public CompletableFuture<InetSocketAddress> start() {
    if (!started.compareAndSet(false, true)) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("a simulation runs once; create a new one"));
    }
    group = Transport.newGroup(config.threads(), "socketdesk-sim");
    CompletableFuture<InetSocketAddress> ready = new CompletableFuture<>();
    try {
      openLog();
      if (config.tls() != null) {
        run.tls =
            config.profile().isServer()
                ? TlsSetup.server(config.tls())
                : TlsSetup.client(config.tls(), config.target());
      }
      if (config.profile().isServer()) {
        listen(ready);
      } else {
        InetSocketAddress resolved = resolve();
        run.target(resolved);
        launcher = new DeviceLauncher(run, clientBootstrap(), group.next());
        launcher.start();
        ready.complete(resolved);
      }
    } catch (SessionException e) {
      ready.completeExceptionally(e);
    }
    ready.whenCompleteAsync(
        (address, error) -> {
          if (error != null) {
            shutdown();
            IntervalLogWriter l = log;
            if (l != null) {
              l.abandon();
            }
            done.completeExceptionally(error);
            return;
          }
          group.next().scheduleAtFixedRate(stats::sample, 1, 1, TimeUnit.SECONDS);
          IntervalLogWriter l = log;
          if (l != null) {
            group
                .next()
                .scheduleAtFixedRate(
                    () -> l.interval(stats.takeInterval()), 1, 1, TimeUnit.SECONDS);
          }
          if (config.count() == 0) {
            finish();
          }
          CaptureFile capture = run.capture;
          if (capture != null) {
            group.next().scheduleAtFixedRate(capture::flush, 1, 1, TimeUnit.SECONDS);
          }
          if (config.duration() != null) {
            group
                .next()
                .schedule(this::finish, config.duration().toMillis(), TimeUnit.MILLISECONDS);
          }
        });
    return ready;
  }

  private void openLog() {
    if (config.histogramLog() == null) {
      return;
    }
    try {
      log = IntervalLogWriter.open(config, config.targetText());
    } catch (IOException e) {
      throw new SessionException(Kind.INVALID, FileRing.cannotWrite(e, config.histogramLog()));
    }
  }

  private InetSocketAddress resolve() {
    try {
      return new InetSocketAddress(
          InetAddress.getByName(config.target().host()), config.target().port());
    } catch (UnknownHostException e) {
      throw new SessionException(
          SessionException.Kind.UNKNOWN_HOST,
          "unknown host '"
              + config.target().host()
              + "'; check the name or give an IP address such as 127.0.0.1");
    }
  }

  private Bootstrap clientBootstrap() {
    Bootstrap b = new Bootstrap().group(group);
    if (config.profile().role() == Profile.Role.UDP_CLIENT) {
      return b.channel(Transport.datagramChannel());
    }
    return b.channel(Transport.socketChannel())
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
        .option(ChannelOption.TCP_NODELAY, true);
  }

  private void listen(CompletableFuture<InetSocketAddress> ready) {
    InetSocketAddress local =
        config.bindHost() == null
            ? new InetSocketAddress(config.port())
            : new InetSocketAddress(config.bindHost(), config.port());
    if (config.profile() == Profile.SERIAL_ECHO_BOARD) {
      openSerial(ready);
      return;
    }
    ChannelFuture bind;
    if (config.profile().role() == Profile.Role.TCP_SERVER) {
      bind =
          new ServerBootstrap()
              .group(group)
              .channel(Transport.serverChannel())
              .option(ChannelOption.SO_REUSEADDR, true)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .handler(new AcceptErrorHandler(errors))
              .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  config.profile() == Profile.WS_ECHO_SERVER
                      ? WebSocketEcho.pipeline(run)
                      : echoPipeline())
              .bind(local);
    } else {
      bind =
          new Bootstrap()
              .group(group)
              .channel(Transport.datagramChannel())
              .option(ChannelOption.SO_REUSEADDR, true)
              .handler(new UdpReplyHandler(run))
              .bind(local);
    }
    bind.addListener(
        (ChannelFuture f) -> {
          if (f.isSuccess()) {
            listener = f.channel();
            InetSocketAddress bound = (InetSocketAddress) f.channel().localAddress();
            target = (config.bindHost() == null ? "*" : config.bindHost()) + ":" + bound.getPort();
            ready.complete(bound);
          } else {
            ready.completeExceptionally(bindFailure(local, f.cause()));
          }
        });
  }

  /**
   * The serial echo board: opens the port (blocking, on a thread of its own) and echoes on it with
   * the echo server's pipeline. Completes with the port's path as an unresolved address.
   */
  private void openSerial(CompletableFuture<InetSocketAddress> ready) {
    ExecutorService portThread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "socketdesk-sim-serial");
              t.setDaemon(true);
              return t;
            });
    done.whenComplete((summary, error) -> portThread.shutdown());
    CompletableFuture.supplyAsync(() -> SerialPortOpener.open(config.serial()), portThread)
        .whenComplete(
            (port, error) -> {
              if (error != null) {
                portThread.shutdown();
                ready.completeExceptionally(error.getCause() != null ? error.getCause() : error);
                return;
              }
              SerialChannel channel = new SerialChannel(port, config.serial().path(), portThread);
              channel.pipeline().addLast(echoPipeline());
              group
                  .next()
                  .register(channel)
                  .addListener(
                      f -> {
                        if (f.isSuccess()) {
                          listener = channel;
                          target = config.targetText();
                          ready.complete((InetSocketAddress) channel.localAddress());
                        } else {
                          channel.unsafe().closeForcibly();
                          ready.completeExceptionally(f.cause());
                        }
                      });
            });
  }

  private SessionException bindFailure(InetSocketAddress local, Throwable cause) {
    return SessionException.bind(cause, config.bindHost(), local.getPort());
  }

  /** The bound address of a server profile; null for clients and before binding. */
  public InetSocketAddress localAddress() {
    Channel c = listener;
    return c == null ? null : (InetSocketAddress) c.localAddress();
  }

  public Stats stats() {
    Stats s = stopped;
    return s != null ? s : stats.snapshot();
  }

  public List<ErrorGroup> errors() {
    return errors.groups();
  }

  public CompletableFuture<Summary> done() {
    return done;
  }

  /** Ends the run: stops launching, closes every device, completes {@link #done()}. */
  public CompletableFuture<Summary> stop() {
    if (!started.get()) {
      started.set(true);
      done.complete(summary(stats.averaged()));
      return done;
    }
    finish();
    return done;
  }

  private void finish() {
    if (!finishing.compareAndSet(false, true)) {
      return;
    }
    Thread closer = new Thread(this::closeAll, "socketdesk-sim-stop");
    closer.setDaemon(true);
    closer.start();
  }

  private void closeAll() {
    run.stop();
    if (launcher != null) {
      launcher.stop();
    }
    stopped = stats.snapshot();
    Stats last = stats.averaged();
    IntervalLogWriter intervalLog = log;
    if (intervalLog != null) {
      intervalLog.finish(stats.takeInterval(), last, errors.groups());
    }
    channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    Channel l = listener;
    if (l != null) {
      l.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    shutdown();
    CaptureFile capture = run.capture;
    if (capture != null) {
      capture.close();
    }
    done.complete(summary(last));
  }

  /** The echo server's connections: the sessions' flow control, the echo, then the accounting. */
  private ChannelInitializer<Channel> echoPipeline() {
    EchoServerHandler echo = new EchoServerHandler(run);
    ServerConnections connections = new ServerConnections(run);
    EventDispatcher noListeners = new EventDispatcher(Runnable::run);
    return new ChannelInitializer<>() {
      @Override
      protected void initChannel(Channel ch) {
        if (run.tls != null) {
          ch.pipeline().addLast(run.tls.newHandler(ch));
        }
        ch.pipeline().addLast(new BackpressureHandler(noListeners, true), echo, connections);
      }
    };
  }

  private void shutdown() {
    if (group != null) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
  }

  private Summary summary(Stats last) {
    List<String> w;
    synchronized (warnings) {
      w = List.copyOf(warnings);
    }
    return new Summary(config.profile(), target, config.count(), last, errors.groups(), w);
  }
}
