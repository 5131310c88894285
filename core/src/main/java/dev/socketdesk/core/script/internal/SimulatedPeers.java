package dev.socketdesk.core.script.internal;

import dev.socketdesk.core.script.Step;
import dev.socketdesk.core.spec.Durations;
import dev.socketdesk.core.spec.SimulationSpec;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.codec.SendFormat;
import dev.socketdesk.engine.simulate.Profile;
import dev.socketdesk.engine.simulate.Simulation;
import dev.socketdesk.engine.simulate.SimulationConfig;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/** The simulator boards a test started with {@code simulate}; all stop when the test ends. */
final class SimulatedPeers implements AutoCloseable {
  private final List<Simulation> running = new ArrayList<>();

  /**
   * Starts {@code step}'s profile. A server profile listens on 127.0.0.1 and its port goes into
   * {@code vars}; a client profile connects to {@code target}.
   */
  void start(
      Step.Simulate step,
      HostPort target,
      UnaryOperator<String> fill,
      Map<String, String> vars,
      long deadline)
      throws StepFailure {
    Profile profile = Profile.parse(step.profile());
    Map<String, String> o = step.options();
    SimulationConfig config;
    try {
      SimulationSpec spec =
          new SimulationSpec(
              profile,
              null,
              profile.isServer() ? null : target,
              profile.isServer() ? "127.0.0.1" : null,
              profile.isServer() ? port(fill.apply(step.port())) : null,
              1,
              null,
              o.containsKey("every")
                  ? Durations.parse(o.get("every"), "every", Durations.MAX_INTERVAL)
                  : null,
              null,
              null,
              o.containsKey("send") ? List.of(fill.apply(o.get("send"))) : null,
              o.containsKey("greeting") ? fill.apply(o.get("greeting")) : null,
              o.containsKey("prefix") ? fill.apply(o.get("prefix")) : null,
              o.containsKey("reply") ? fill.apply(o.get("reply")) : null,
              null,
              null,
              null,
              1);
      config = spec.config(SendFormat.text(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new StepFailure("simulate " + step.profile() + ": " + e.getMessage());
    }
    Simulation simulation = new Simulation(config);
    running.add(simulation);
    InetSocketAddress at;
    try {
      at =
          simulation
              .start()
              .get(Deadlines.left(deadline, Duration.ofSeconds(10)), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      String why =
          e.getCause() instanceof SessionException se
              ? se.getMessage()
              : String.valueOf(e.getCause());
      throw new StepFailure("simulate " + step.profile() + " did not start: " + why);
    } catch (TimeoutException e) {
      throw new StepFailure("simulate " + step.profile() + " did not start in time");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StepFailure("interrupted");
    }
    if (profile.isServer()) {
      int port =
          simulation.localAddress() != null ? simulation.localAddress().getPort() : at.getPort();
      vars.put(step.as() + ".port", Integer.toString(port));
      vars.put(step.as() + ".address", "127.0.0.1:" + port);
    }
  }

  private static int port(String text) throws StepFailure {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new StepFailure("port '" + text + "' is not a number; use 0 to 65535");
    }
  }

  @Override
  public void close() {
    for (Simulation s : running) {
      try {
        s.stop().get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        // The test is over either way; the simulation's threads are daemons.
      }
    }
    running.clear();
  }
}
