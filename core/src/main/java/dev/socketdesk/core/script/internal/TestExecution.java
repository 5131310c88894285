package dev.socketdesk.core.script.internal;

import dev.socketdesk.core.script.Link;
import dev.socketdesk.core.script.RunListener;
import dev.socketdesk.core.script.Status;
import dev.socketdesk.core.script.Step;
import dev.socketdesk.core.script.StepResult;
import dev.socketdesk.core.script.TestCase;
import dev.socketdesk.core.script.TestResult;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.HostPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/** Runs one test once, on the calling thread, and reports each step as it ends. */
public final class TestExecution {
  private final Engine engine;
  private final String file;
  private final String suite;
  private final TestCase test;
  private final int run;
  private final RunListener listener;
  private final Map<String, String> vars = new HashMap<>();
  private final Map<String, LinkChannel> open = new HashMap<>();
  private final SimulatedPeers peers = new SimulatedPeers();
  private final Transcript transcript = new Transcript();
  private final List<StepResult> results = new ArrayList<>();
  private final long testDeadline;
  private final Duration timeout;
  private long seq;

  /**
   * @param timeout the whole test's bound (the shorter of the test's and the run's); null for none.
   * @param external variables from outside, which override the test's own.
   */
  public TestExecution(
      Engine engine,
      String file,
      String suite,
      TestCase test,
      int run,
      Duration timeout,
      Map<String, String> external,
      RunListener listener) {
    this.engine = engine;
    this.file = file;
    this.suite = suite;
    this.test = test;
    this.run = run;
    this.listener = listener;
    this.timeout = timeout;
    this.testDeadline = timeout == null ? Long.MAX_VALUE : Deadlines.after(timeout);
    vars.putAll(test.vars());
    vars.putAll(external);
  }

  public TestResult run() {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    listener.testStarted(file, test.name(), run);
    StepResult failure = null;
    Status status = Status.PASSED;
    try {
      openListeners();
      execute(test.steps(), 0, 0);
    } catch (Failed f) {
      failure = f.result;
      status = f.result.status();
    } finally {
      open.values().forEach(LinkChannel::close);
      peers.close();
    }
    TestResult result =
        new TestResult(
            file,
            suite,
            test.name(),
            run,
            status,
            started,
            (System.nanoTime() - t0) / 1_000_000,
            results,
            failure,
            transcript.text());
    listener.testFinished(result);
    return result;
  }

  /**
   * Opens the listen and udp links whose ports are fixed at the start, so that their {@code
   * ${NAME.port}} is known to steps and to the links that connect to them.
   */
  private void openListeners() throws Failed {
    for (Map.Entry<String, Link> e : test.links().entrySet()) {
      Link link = e.getValue();
      String fixed =
          link instanceof Link.Listen l
              ? l.port()
              : link instanceof Link.Udp u ? u.port() + (u.to() == null ? "" : u.to()) : null;
      if (fixed == null || fixed.contains("${")) {
        continue;
      }
      long t0 = System.nanoTime();
      try {
        channel(e.getKey());
      } catch (StepFailure f) {
        StepResult result =
            new StepResult(
                "open " + e.getKey(),
                link.location(),
                0,
                Status.FAILED,
                millis(t0),
                f.getMessage(),
                null,
                null);
        report(result);
        throw new Failed(result);
      }
    }
  }

  private void execute(List<Step> steps, int depth, int iteration) throws Failed {
    for (Step step : steps) {
      long t0 = System.nanoTime();
      try {
        one(step, depth);
        if (depth == 0) {
          report(
              new StepResult(
                  step.describe(),
                  step.location(),
                  0,
                  Status.PASSED,
                  millis(t0),
                  null,
                  null,
                  null));
        }
      } catch (StepFailure f) {
        throw failed(step, depth, iteration, t0, f);
      } catch (Failed nested) {
        StepResult result =
            new StepResult(
                step.describe(),
                step.location(),
                depth,
                nested.result.status(),
                millis(t0),
                nested.result.message(),
                nested.result.expected(),
                nested.result.received());
        report(result);
        throw new Failed(result);
      }
    }
  }

  /** Reports a failed step (started at {@code t0}) and returns what carries it up. */
  private Failed failed(Step step, int depth, int iteration, long t0, StepFailure f) {
    boolean interrupted = Thread.currentThread().isInterrupted();
    String message = f.getMessage();
    if (!interrupted && System.nanoTime() - testDeadline >= 0) {
      message = "the test's timeout " + Deadlines.show(timeout) + " ran out; " + message;
    }
    if (depth > 0) {
      message = "in iteration " + iteration + ": " + message;
    }
    StepResult result =
        new StepResult(
            step.describe(),
            step.location(),
            depth,
            interrupted ? Status.INTERRUPTED : Status.FAILED,
            millis(t0),
            message,
            f.expected(),
            f.received());
    report(result);
    transcript.add("FAIL " + step.describe() + ": " + message);
    return new Failed(result);
  }

  private void one(Step step, int depth) throws StepFailure, Failed {
    if (Thread.currentThread().isInterrupted()) {
      throw new StepFailure("interrupted");
    }
    if (step instanceof Step.Send s) {
      send(s);
    } else if (step instanceof Step.Expect e) {
      ByteMatcher matcher =
          StepCodec.matcher(e.kind(), fill(e.pattern()), e.charset(), e.checksum());
      Match match =
          channel(e.link())
              .expect(matcher, deadline(e.timeout()), e.kind() == Step.Kind.HEX, e.charset());
      vars.putAll(match.groups());
    } else if (step instanceof Step.ExpectNone n) {
      ByteMatcher matcher =
          StepCodec.matcher(Step.Kind.REGEX, fill(n.pattern()), n.charset(), null);
      channel(n.link()).expectNone(matcher, deadline(n.within()), n.charset());
      if (System.nanoTime() - testDeadline >= 0) {
        throw new StepFailure("the window did not fit in the test's time");
      }
    } else if (step instanceof Step.ExpectClose c) {
      channel(c.link()).expectClose(deadline(c.timeout()));
    } else if (step instanceof Step.Close c) {
      LinkChannel link = open.remove(c.link());
      if (link != null) {
        link.close();
      }
    } else if (step instanceof Step.Wait w) {
      long until = Deadlines.after(w.duration());
      sleepUntil(Math.min(until, testDeadline));
      if (until - testDeadline > 0) {
        throw new StepFailure("the wait did not fit in the test's time");
      }
    } else if (step instanceof Step.Repeat r) {
      String on = RepeatOnLink.linkOf(r);
      if (on != null) {
        repeatOnLink(r, on, depth);
      } else {
        for (int i = 1; i <= r.count(); i++) {
          execute(r.steps(), depth + 1, i);
        }
      }
    } else if (step instanceof Step.Set s) {
      s.values().forEach((k, v) -> vars.put(k, fill(v)));
    } else if (step instanceof Step.Simulate s) {
      simulate(s);
    }
  }

  /**
   * Runs a repeat of sends, expects and sets on {@code name}'s network thread ({@link
   * RepeatOnLink}); fails as the same steps would fail here.
   */
  private void repeatOnLink(Step.Repeat r, String name, int depth) throws StepFailure, Failed {
    LinkChannel link = channel(name);
    RepeatOnLink loop = new RepeatOnLink(link, r, new LoopSteps());
    if (test.links().get(name) instanceof Link.Listen listen && loop.sends()) {
      long t0 = System.nanoTime();
      try {
        link.awaitPeer(Math.min(testDeadline, Deadlines.after(listen.acceptTimeout())), listen);
      } catch (StepFailure f) {
        Step first = r.steps().stream().filter(Step.Send.class::isInstance).findFirst().get();
        throw failed(first, depth + 1, 1, t0, f);
      }
    }
    RepeatOnLink.Failure f = loop.run();
    if (f != null) {
      throw failed(f.step(), depth + 1, f.iteration(), f.startNanos(), f.failure());
    }
  }

  /**
   * The test's side of steps run by a {@link RepeatOnLink}: one thread at a time. A step whose text
   * fills in the same as in the previous iteration reuses what it was encoded or compiled to (sent
   * bytes are not changed after the send, and matchers are immutable).
   */
  private final class LoopSteps implements RepeatOnLink.Steps {
    private final Map<Step, Filled> last = new IdentityHashMap<>();

    private record Filled(String text, Object value) {}

    @Override
    public byte[] encode(Step.Send send) throws StepFailure {
      seq++;
      String text = fill(send.payload());
      Filled before = last.get(send);
      if (before != null && before.text.equals(text)) {
        return (byte[]) before.value;
      }
      byte[] data = StepCodec.encode(send, text);
      last.put(send, new Filled(text, data));
      return data;
    }

    @Override
    public ByteMatcher matcher(Step.Expect e) throws StepFailure {
      String pattern = fill(e.pattern());
      Filled before = last.get(e);
      if (before != null && before.text.equals(pattern)) {
        return (ByteMatcher) before.value;
      }
      ByteMatcher matcher = StepCodec.matcher(e.kind(), pattern, e.charset(), e.checksum());
      last.put(e, new Filled(pattern, matcher));
      return matcher;
    }

    @Override
    public void matched(Match match) {
      vars.putAll(match.groups());
    }

    @Override
    public void set(Step.Set set) {
      set.values().forEach((k, v) -> vars.put(k, fill(v)));
    }

    @Override
    public long deadline(Duration timeout) {
      return TestExecution.this.deadline(timeout);
    }
  }

  private void send(Step.Send s) throws StepFailure {
    byte[] data = encode(s);
    channel(s.link()).send(data, s.hex(), testDeadline);
  }

  private byte[] encode(Step.Send s) throws StepFailure {
    seq++;
    return StepCodec.encode(s, fill(s.payload()));
  }

  private void simulate(Step.Simulate s) throws StepFailure {
    HostPort target = null;
    if (s.to() != null) {
      try {
        target = HostPort.parse(fill(s.to()));
      } catch (IllegalArgumentException e) {
        throw new StepFailure("simulate to: " + e.getMessage());
      }
    } else if (s.link() != null) {
      target = new HostPort("127.0.0.1", channel(s.link()).localPort());
    }
    // The simulator fills in {seq}, {id} and {time} per message itself; only ${var}s are ours.
    peers.start(s, target, text -> VarCheck.fill(text, vars), vars, testDeadline);
  }

  private LinkChannel channel(String name) throws StepFailure {
    LinkChannel channel = open.get(name);
    if (channel == null) {
      Link link = test.links().get(name);
      channel = new LinkChannel(name, link, transcript);
      open.put(name, channel);
      channel.open(engine, this::fill, testDeadline);
      if (!link.connects()) {
        vars.put(name + ".port", Integer.toString(channel.localPort()));
      }
    }
    return channel;
  }

  private String fill(String text) {
    return Placeholders.fill(VarCheck.fill(text, vars), run, seq, System.currentTimeMillis());
  }

  private long deadline(Duration d) {
    return Math.min(Deadlines.after(d), testDeadline);
  }

  private static void sleepUntil(long deadline) throws StepFailure {
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
      if (Thread.currentThread().isInterrupted()) {
        throw new StepFailure("interrupted");
      }
    }
  }

  private void report(StepResult result) {
    if (results.size() < 10_000 || result.status() != Status.PASSED) {
      results.add(result);
    }
    listener.stepFinished(file, test.name(), run, result);
  }

  private static long millis(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  /** A step failed; carries its result up through enclosing repeats. */
  private static final class Failed extends Exception {
    final StepResult result;

    Failed(StepResult result) {
      super(null, null, false, false);
      this.result = result;
    }
  }
}
