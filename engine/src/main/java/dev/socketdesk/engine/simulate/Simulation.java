package dev.socketdesk.engine.simulate;

import dev.socketdesk.engine.CaptureOptions;
import dev.socketdesk.engine.simulate.internal.SimulationRunner;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Simulated devices: many boards of one {@link Profile}, each one socket with a small handler on a
 * few shared network threads (no thread or timer thread per device), so one process can run as many
 * devices as its open-file limit allows.
 *
 * <p>Lifecycle: {@code new Simulation(config)}; optionally {@link #checkLimits()} and show its
 * warnings; {@link #start()}; watch {@link #stats()}; the run ends by itself (duration reached,
 * every device done) or by {@link #stop()}, and {@link #done()} completes with the {@link Summary}.
 * A simulation runs once. Client devices start at the ramp rate; a device whose connection fails is
 * counted and its error grouped by cause, and is not retried.
 *
 * <p>All methods are thread-safe and do not block, except {@link #close()}.
 */
public final class Simulation implements AutoCloseable {
  private final SimulationConfig config;
  private final SimulationRunner runner;

  public Simulation(SimulationConfig config) {
    this.config = config;
    this.runner = new SimulationRunner(config);
  }

  public SimulationConfig config() {
    return config;
  }

  /**
   * Compares the run with this process's open-file limit and the local port range. The warnings
   * (one line each) also go into the summary. Empty when the run fits.
   */
  public List<String> checkLimits() {
    return runner.checkLimits(Limits.current());
  }

  /** Like {@link #checkLimits()}, against given limits. */
  public List<String> checkLimits(Limits limits) {
    return runner.checkLimits(limits);
  }

  /**
   * Captures every simulated device's traffic into one pcap file series. Call before {@link
   * #start()}.
   *
   * @throws dev.socketdesk.engine.SessionException when the first file cannot be created.
   */
  public void startCapture(CaptureOptions options) {
    runner.capture(options);
  }

  /**
   * Starts the run. Completes with the bound address (server profiles) or the resolved target
   * (client profiles); fails with a {@link dev.socketdesk.engine.SessionException} whose message is
   * one line (port in use, unknown host), and then {@link #done()} fails too.
   */
  public CompletableFuture<InetSocketAddress> start() {
    return runner.start();
  }

  /** The bound address of a server profile once started; null otherwise. */
  public InetSocketAddress localAddress() {
    return runner.localAddress();
  }

  /**
   * The figures now; rates are over the last second. Once the run stops (its duration is over, or
   * {@link #stop()}), the figures at that moment, as in the summary: the devices it then closes do
   * not count as closed.
   */
  public Stats stats() {
    return runner.stats();
  }

  /** The errors so far, grouped by cause, largest group first; empty when none. */
  public List<ErrorGroup> errors() {
    return runner.errors();
  }

  /** Completes with the summary when the run has ended. */
  public CompletableFuture<Summary> done() {
    return runner.done();
  }

  /** Ends the run: stops starting devices, closes them all, then completes {@link #done()}. */
  public CompletableFuture<Summary> stop() {
    return runner.stop();
  }

  /** Stops and waits up to 10 s for the devices to close. */
  @Override
  public void close() {
    try {
      stop().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Closing regardless: the run's threads are daemons and stop with the process.
    }
  }
}
