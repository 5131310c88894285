package dev.socketdesk.core.script;

import dev.socketdesk.engine.codec.Checksum;
import dev.socketdesk.engine.codec.LineEnding;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One step of a test. Texts are kept as written; {@code ${var}}s and the placeholders {@code
 * {seq}}, {@code {id}} and {@code {time}} are filled in when the step runs. {@code link} is the
 * link's name ({@link TestCase#DEFAULT_LINK} for a test with one link).
 */
public sealed interface Step {

  Location location();

  /** The step as one short line for reports, e.g. {@code send "AT+GMR\r\n"}. */
  String describe();

  /** How an expected payload is written. */
  enum Kind {
    /** Text with escapes, found as a substring. */
    TEXT,
    /** A Java regular expression over the decoded text; named groups become variables. */
    REGEX,
    /** Hex bytes where {@code ??} matches any byte. */
    HEX
  }

  /** {@code send} (text with escapes) or {@code send-hex}. */
  record Send(
      String link,
      String payload,
      boolean hex,
      Charset charset,
      Checksum checksum,
      LineEnding lineEnding,
      Location location)
      implements Step {
    @Override
    public String describe() {
      return (hex ? "send-hex " : "send ") + Texts.quote(payload);
    }
  }

  /**
   * {@code expect}, {@code expect-regex} or {@code expect-hex}: waits up to {@code timeout} for the
   * pattern in the data not yet consumed, then consumes everything up to the end of the match. With
   * a {@code checksum}, the last bytes of a hex match must be the checksum of the bytes before
   * them.
   */
  record Expect(
      String link,
      Kind kind,
      String pattern,
      Charset charset,
      Checksum checksum,
      Duration timeout,
      Location location)
      implements Step {
    @Override
    public String describe() {
      String name =
          switch (kind) {
            case TEXT -> "expect ";
            case REGEX -> "expect-regex ";
            case HEX -> "expect-hex ";
          };
      return name + Texts.quote(pattern);
    }
  }

  /** {@code expect-none: REGEX} with {@code within}: nothing matching may arrive in that window. */
  record ExpectNone(
      String link, String pattern, Charset charset, Duration within, Location location)
      implements Step {
    @Override
    public String describe() {
      return "expect-none " + Texts.quote(pattern) + " within " + Texts.duration(within);
    }
  }

  /** {@code expect-close}: the peer closes the connection within {@code timeout}. */
  record ExpectClose(String link, Duration timeout, Location location) implements Step {
    @Override
    public String describe() {
      return "expect-close";
    }
  }

  /** {@code close}: closes the link. */
  record Close(String link, Location location) implements Step {
    @Override
    public String describe() {
      return "close";
    }
  }

  /** {@code wait: DURATION}. */
  record Wait(Duration duration, Location location) implements Step {
    @Override
    public String describe() {
      return "wait " + Texts.duration(duration);
    }
  }

  /** {@code repeat: N} with nested {@code steps}. */
  record Repeat(int count, List<Step> steps, Location location) implements Step {
    @Override
    public String describe() {
      return "repeat " + count + " x " + steps.size() + " steps";
    }
  }

  /** {@code set: {name: value}}: values may use variables set before. */
  record Set(Map<String, String> values, Location location) implements Step {
    @Override
    public String describe() {
      return "set " + String.join(", ", values.keySet());
    }
  }

  /**
   * {@code simulate: PROFILE}: starts one of the simulator's board profiles as the peer, until the
   * test ends. A server profile listens on {@code port} (0: any free port) of 127.0.0.1 and sets
   * {@code ${NAME.port}} and {@code ${NAME.address}} ({@code NAME} is {@code as}, by default {@code
   * sim}); a client profile connects to the {@code link} (a {@code listen} or {@code udp} link,
   * opened first) or to {@code to}.
   *
   * @param options the profile's settings as written: greeting, prefix, reply, send, every.
   */
  record Simulate(
      String profile,
      String link,
      String port,
      String to,
      String as,
      Map<String, String> options,
      Location location)
      implements Step {
    @Override
    public String describe() {
      return "simulate " + profile;
    }
  }

  /** The step names the parser knows, as written in scripts. */
  List<String> NAMES =
      List.of(
          "send",
          "send-hex",
          "expect",
          "expect-regex",
          "expect-hex",
          "expect-none",
          "expect-close",
          "close",
          "wait",
          "repeat",
          "set",
          "simulate");
}
