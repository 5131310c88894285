package dev.socketdesk.core.script.internal;

import dev.socketdesk.core.script.Step;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.codec.Escapes;
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
      SimulationConfig.Builder b = SimulationConfig.builder(profile).threads(1);
      if (profile.isServer()) {
        b.bind("127.0.0.1", Integer.parseInt(fill.apply(step.port()).strip()));
      } else {
        b.target(target);
      }
      if (o.containsKey("greeting")) {
        b.greeting(bytes(fill.apply(o.get("greeting"))));
      }
      if (o.containsKey("prefix")) {
        b.echoPrefix(bytes(fill.apply(o.get("prefix"))));
      }
      if (o.containsKey("reply")) {
        b.reply(bytes(fill.apply(o.get("reply"))));
      }
      if (o.containsKey("send")) {
        b.payloads(List.of(fill.apply(o.get("send"))));
      }
      if (o.containsKey("every")) {
        b.interval(Values.parseDuration(o.get("every").strip()));
      }
      config = b.build();
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

  private static byte[] bytes(String text) {
    return Escapes.encode(text, StandardCharsets.UTF_8);
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
