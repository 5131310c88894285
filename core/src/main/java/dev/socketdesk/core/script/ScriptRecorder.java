package dev.socketdesk.core.script;

import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.SessionListener;
import dev.socketdesk.engine.codec.Hex;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Turns a session's traffic into a test script ({@code --record}, the page's "Save as test"): what
 * was sent becomes {@code send} steps, what came back in between becomes one {@code expect} step, a
 * pause of 50 ms or more between two sends becomes a {@code wait}, and the peer closing becomes
 * {@code expect-close}. Printable UTF-8 is written as text with escapes, anything else as hex. A
 * TCP server records its first client only. At most {@link #MAX_STEPS} steps and {@link
 * #MAX_EXPECT} bytes per expect (its start) are kept. Thread-safe.
 */
public final class ScriptRecorder implements SessionListener {
  public static final int MAX_STEPS = 10_000;
  public static final int MAX_EXPECT = 4096;

  private final String name;
  private final String link;
  private final boolean firstPeerOnly;
  private final StringBuilder steps = new StringBuilder();
  private final java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
  private int stepCount;
  private Integer peer;
  private Instant lastSend;
  private boolean truncated;

  private ScriptRecorder(String name, String link, boolean firstPeerOnly) {
    this.name = name;
    this.link = link;
    this.firstPeerOnly = firstPeerOnly;
  }

  /** For a TCP client of {@code remote}. */
  public static ScriptRecorder client(HostPort remote) {
    return new ScriptRecorder(
        "recorded exchange with " + remote, "connect: " + quote(remote.toString()), true);
  }

  /** For a TCP server on {@code port}: the script listens there and waits for the device. */
  public static ScriptRecorder server(int port) {
    return new ScriptRecorder("recorded exchange on port " + port, "listen: " + port, true);
  }

  /** For a UDP socket on {@code port} sending to {@code to} (null: answering the last sender). */
  public static ScriptRecorder udp(int port, HostPort to) {
    String target = to == null ? "" : ", to: " + quote(to.toString());
    return new ScriptRecorder("recorded udp exchange", "udp: {port: " + port + target + "}", false);
  }

  /**
   * For a serial port: {@code frame} is written as the link's options, e.g. {@code baud: 9600,
   * data-bits: 8, parity: none, stop-bits: '1', flow: none}.
   */
  public static ScriptRecorder serial(String path, String frame) {
    return new ScriptRecorder(
        "recorded exchange on " + path, "serial: {path: " + quote(path) + ", " + frame + "}", true);
  }

  @Override
  public synchronized void onEvent(SessionEvent event) {
    if (event instanceof SessionEvent.Sent s) {
      if (firstPeerOnly && !isOurPeer(s.peer().id())) {
        return;
      }
      boolean answered = answer.size() > 0;
      flushAnswer();
      if (!answered && lastSend != null) {
        long gap = java.time.Duration.between(lastSend, s.time()).toMillis();
        if (gap >= 50) {
          step("- wait: " + gap + "ms");
        }
      }
      lastSend = s.time();
      step(payloadStep("send", s.data()));
    } else if (event instanceof SessionEvent.Received r) {
      if (firstPeerOnly && !isOurPeer(r.peer().id())) {
        return;
      }
      int room = MAX_EXPECT - answer.size();
      answer.write(r.data(), 0, Math.max(0, Math.min(room, r.data().length)));
    } else if (event instanceof SessionEvent.Disconnected d) {
      if (peer != null && peer == d.peer().id()) {
        flushAnswer();
        if (d.reason() == CloseReason.PEER_CLOSED) {
          step("- expect-close");
        }
      }
    }
  }

  private boolean isOurPeer(int id) {
    if (peer == null) {
      peer = id;
    }
    return peer == id;
  }

  private void flushAnswer() {
    if (answer.size() > 0) {
      step(payloadStep("expect", answer.toByteArray()));
      answer.reset();
    }
  }

  private void step(String text) {
    if (stepCount >= MAX_STEPS) {
      truncated = true;
      return;
    }
    stepCount++;
    steps.append("      ").append(text).append('\n');
  }

  private static String payloadStep(String kind, byte[] data) {
    String text = printable(data);
    return text == null ? "- " + kind + "-hex: " + Hex.format(data) : "- " + kind + ": " + text;
  }

  /** The data as a single-quoted YAML scalar with SocketDesk escapes, or null if not text. */
  private static String printable(byte[] data) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    StringBuilder out = new StringBuilder("'");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("''");
        default -> {
          if (Character.isISOControl(c)) {
            return null;
          }
          out.append(c);
        }
      }
    }
    return out.append('\'').toString();
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** The script recorded so far. */
  public synchronized String yaml() {
    StringBuilder out = new StringBuilder();
    out.append("# Recorded by SocketDesk; run it with: socketdesk test FILE\n");
    if (truncated) {
      out.append("# Only the first ").append(MAX_STEPS).append(" steps were kept.\n");
    }
    out.append("tests:\n");
    out.append("  - name: ").append(quote(name)).append('\n');
    out.append("    ").append(link).append('\n');
    out.append("    steps:\n");
    java.io.ByteArrayOutputStream pending = answer;
    StringBuilder body = new StringBuilder(steps);
    if (pending.size() > 0) {
      body.append("      ").append(payloadStep("expect", pending.toByteArray())).append('\n');
    }
    if (body.length() == 0) {
      body.append("      - wait: 0ms   # nothing was sent or received\n");
    }
    return out.append(body).toString();
  }

  /** Writes {@link #yaml()} to {@code file}, replacing it. */
  public void write(Path file) throws IOException {
    Files.writeString(file, yaml(), StandardCharsets.UTF_8);
  }
}
