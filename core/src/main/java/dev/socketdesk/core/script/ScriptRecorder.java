package dev.socketdesk.core.script;

import dev.socketdesk.core.event.EventRecord;
import dev.socketdesk.core.spec.SerialSpec;
import dev.socketdesk.core.spec.SessionSpec;
import dev.socketdesk.core.spec.TcpClientSpec;
import dev.socketdesk.core.spec.TcpServerSpec;
import dev.socketdesk.core.spec.UdpSpec;
import dev.socketdesk.core.spec.WebSocketClientSpec;
import dev.socketdesk.engine.CloseReason;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.SessionEvent;
import dev.socketdesk.engine.SessionListener;
import dev.socketdesk.engine.codec.Hex;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.IntFunction;

/**
 * Turns a session's traffic into a test script ({@code --record}, the page's "Save as test"): what
 * was sent becomes {@code send} steps, what came back in between becomes one {@code expect} step, a
 * pause of 50 ms or more between two sends with nothing received between them becomes a {@code
 * wait} (after an answer, its expect paces the replay), the peer closing becomes {@code
 * expect-close}, and our closing (or ending our input, {@link #endingOurSide}) {@code close}.
 * Printable UTF-8 is written as text with escapes, anything else as hex; a WebSocket message keeps
 * its kind: one sent as binary is always hex, one sent as text always text, its other bytes as
 * {@code \xHH} (replayed the other way, it would go out as the other kind of message). A TCP server
 * records its first client only. At most {@link #MAX_STEPS} steps and {@link #MAX_EXPECT} bytes per
 * expect (its start) are kept. Thread-safe.
 */
public final class ScriptRecorder implements SessionListener {
  public static final int MAX_STEPS = 10_000;
  public static final int MAX_EXPECT = 4096;
  private static final DateTimeFormatter SENT_AT =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

  private final String name;
  private String link;

  /** The link for the port actually bound, for a link recorded with port 0; else null. */
  private final IntFunction<String> boundLink;

  private final boolean firstPeerOnly;
  private final StringBuilder steps = new StringBuilder();
  private final java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
  private int stepCount;
  private Integer peer;
  private Instant lastSend;
  private boolean truncated;
  private boolean answerCut;
  private boolean weEnded;

  private ScriptRecorder(String name, String link, boolean firstPeerOnly) {
    this(name, link, firstPeerOnly, null);
  }

  private ScriptRecorder(
      String name, String link, boolean firstPeerOnly, IntFunction<String> boundLink) {
    this.name = name;
    this.link = link;
    this.firstPeerOnly = firstPeerOnly;
    this.boundLink = boundLink;
  }

  /** For a TCP client of {@code remote}. */
  public static ScriptRecorder client(HostPort remote) {
    return new ScriptRecorder(
        "recorded exchange with " + remote,
        "connect: " + ScriptYaml.quote(remote.toString()),
        true);
  }

  /**
   * For a TCP server on {@code port}: the script listens there and waits for the device. With port
   * 0, the port the session's {@link SessionEvent.Listening} event reports is written instead.
   */
  public static ScriptRecorder server(int port) {
    IntFunction<String> link = p -> "listen: " + p;
    return new ScriptRecorder(
        "recorded tcp-server exchange", link.apply(port), true, port == 0 ? link : null);
  }

  /**
   * For a UDP socket on {@code port} sending to {@code to} (null: answering the last sender). With
   * port 0, the port the session's {@link SessionEvent.Listening} event reports is written instead.
   */
  public static ScriptRecorder udp(int port, HostPort to) {
    String target = to == null ? "" : ", to: " + ScriptYaml.quote(to.toString());
    IntFunction<String> link = p -> "udp: {port: " + p + target + "}";
    return new ScriptRecorder(
        "recorded udp exchange", link.apply(port), false, port == 0 ? link : null);
  }

  /**
   * For a serial port: {@code frame} is written as the link's options, e.g. {@code baud: 9600,
   * data-bits: 8, parity: none, stop-bits: '1', flow: none}.
   */
  public static ScriptRecorder serial(String path, String frame) {
    return new ScriptRecorder(
        "recorded exchange on " + path,
        "serial: {path: " + ScriptYaml.quote(path) + ", " + frame + "}",
        true);
  }

  /**
   * For a session opened from {@code spec} (a tab of the page), whose socket is bound to {@code
   * local} (null when not open: a server then listens on its spec's port).
   *
   * @throws IllegalArgumentException {@link #cannotRecord}'s line for a kind of session no script
   *     link opens (listen with TLS, a WebSocket server, a forward).
   */
  public static ScriptRecorder of(SessionSpec spec, InetSocketAddress local) {
    if (spec instanceof TcpClientSpec c) {
      ScriptRecorder r = client(c.remote());
      return c.tls() ? r.withTls(c.insecure(), null) : r;
    }
    if (spec instanceof WebSocketClientSpec w) {
      ScriptRecorder r = webSocket(w.url());
      return w.insecure() ? r.withTls(true, null) : r;
    }
    if (spec instanceof TcpServerSpec t && !Boolean.TRUE.equals(t.tls())) {
      return server(local != null ? local.getPort() : t.localPort());
    }
    if (spec instanceof UdpSpec u) {
      return udp(local != null ? local.getPort() : u.localPort(), u.remote());
    }
    if (spec instanceof SerialSpec s) {
      return serial(
          s.path(),
          "baud: "
              + s.baud()
              + ", data-bits: "
              + s.dataBits()
              + ", parity: "
              + s.parity()
              + ", stop-bits: '"
              + s.stopBits()
              + "', flow: "
              + s.flow());
    }
    throw new IllegalArgumentException(cannotRecord(spec.type(), spec instanceof TcpServerSpec));
  }

  /**
   * The one line that refuses to record a session of {@code type} ({@code ws-server}, {@code
   * forward}, ... as the CLI's commands and the page's tabs name them), with TLS or not: what a
   * script cannot do, and what to record instead.
   */
  public static String cannotRecord(String type, boolean tls) {
    String why =
        switch (type) {
          case "ws-server" ->
              "a script cannot listen for WebSocket clients; record from the client side"
                  + " instead, a ws-client session to this server";
          case "forward" ->
              "a script talks to one peer, it cannot stand between two; record from the client"
                  + " side instead, a tcp-client session to the forward's target";
          case "tcp-server" ->
              "a script's listen: link has no TLS; record without TLS, or from the client side"
                  + " (a tcp-client session with TLS)";
          default -> "scripts open tcp-client, tcp-server, udp, ws-client and serial links";
        };
    return "a "
        + type
        + (tls ? " session with TLS" : " session")
        + " cannot be recorded as a test script: "
        + why;
  }

  /** For a WebSocket client of {@code url}. */
  public static ScriptRecorder webSocket(String url) {
    return new ScriptRecorder(
        "recorded exchange with " + url, "ws: " + ScriptYaml.quote(url), true);
  }

  /**
   * This recorder with the link's TLS written beside it: {@code tls: true}, or its options ({@code
   * insecure}, or the CA file {@code ca} as an absolute path).
   */
  public ScriptRecorder withTls(boolean insecure, Path ca) {
    String options =
        insecure
            ? "{insecure: true}"
            : ca != null
                ? "{ca: " + ScriptYaml.quote(ca.toAbsolutePath().toString()) + "}"
                : "true";
    return new ScriptRecorder(name, link + "\n    tls: " + options, firstPeerOnly);
  }

  @Override
  public synchronized void onEvent(SessionEvent event) {
    if (event instanceof SessionEvent.Listening l && boundLink != null && l.local() != null) {
      link = boundLink.apply(l.local().getPort());
    } else if (event instanceof SessionEvent.Sent s) {
      sent(s.peer().id(), s.time(), s.data(), s.kind());
    } else if (event instanceof SessionEvent.Received r) {
      received(r.peer().id(), r.data(), r.data().length);
    } else if (event instanceof SessionEvent.Disconnected d) {
      closed(d.peer().id(), d.reason());
    }
  }

  /**
   * Records one line of a session's log (the page's "Save as test"), as {@link #onEvent} records
   * the event it was made from. A log keeps only the start of long data ({@code data.length <
   * bytes}): a cut answer ends its expect (an expect of the start still matches), but a cut send is
   * refused, since the script would send other bytes than the session did.
   *
   * @throws IllegalArgumentException one line naming the cut send and what to do instead.
   */
  public synchronized void add(EventRecord record) {
    int peerId = record.peerId() == null ? 0 : record.peerId();
    if (record.data() != null && EventRecord.SENT.equals(record.event())) {
      if (record.bytes() > record.data().length && (!firstPeerOnly || isOurPeer(peerId))) {
        throw new IllegalArgumentException(cutSend(record));
      }
      sent(peerId, record.time(), record.data(), record.kind());
    } else if (record.data() != null && EventRecord.RECEIVED.equals(record.event())) {
      received(peerId, record.data(), record.bytes());
    } else if (EventRecord.CLOSED.equals(record.event()) && record.peerId() != null) {
      closed(peerId, closeReason(record.reason()));
    }
  }

  /**
   * A script must send exactly what was sent: a send the log kept only the start of is refused in
   * one line rather than written cut.
   */
  private static String cutSend(EventRecord record) {
    return "the log kept only the first "
        + record.data().length
        + " of the "
        + record.bytes()
        + " bytes sent at "
        + SENT_AT.format(record.time())
        + ", and a test script must send them all; record this exchange with --record on the"
        + " command line, or clear the log and repeat it with shorter sends";
  }

  /**
   * {@code kind}: a WebSocket message's ({@code binary} is written as hex, {@code text} as text
   * with escapes), else null.
   */
  private void sent(int peerId, Instant time, byte[] data, String kind) {
    if (firstPeerOnly && !isOurPeer(peerId)) {
      return;
    }
    boolean answered = answer.size() > 0;
    flushAnswer();
    if (!answered && lastSend != null) {
      long gap = java.time.Duration.between(lastSend, time).toMillis();
      if (gap >= 50) {
        step("- wait: " + gap + "ms");
      }
    }
    lastSend = time;
    if ("binary".equals(kind)) {
      step("- send-hex: " + Hex.format(data));
    } else if ("text".equals(kind)) {
      // A text message stays one whatever its bytes: send-hex would replay it as binary.
      step("- send: " + ScriptYaml.quotedText(data, true));
    } else {
      step(ScriptYaml.payloadStep("send", data));
    }
  }

  private void received(int peerId, byte[] data, int bytes) {
    if (firstPeerOnly && !isOurPeer(peerId)) {
      return;
    }
    if (answerCut) {
      return;
    }
    int room = MAX_EXPECT - answer.size();
    answer.write(data, 0, Math.max(0, Math.min(room, data.length)));
    // An expect matches consecutive bytes: after a cut, later bytes would not follow on.
    answerCut = bytes > data.length;
  }

  /**
   * Our side is ending the exchange: our input ended and the link half-closes (a WebSocket link
   * sends its close message). The peer's close that this brings about is recorded as our {@code
   * close}, not as {@code expect-close}: a replay closes the link there, where the peer would
   * otherwise wait for the end of input a script cannot send.
   */
  public synchronized void endingOurSide() {
    weEnded = true;
  }

  /**
   * The peer closing on its own becomes {@code expect-close}; our closing (or the peer's close
   * after we ended our side) {@code close}, after the answer received so far.
   */
  private void closed(int peerId, CloseReason reason) {
    if (peer != null && peer == peerId) {
      flushAnswer();
      if (reason == CloseReason.LOCAL || (weEnded && reason == CloseReason.PEER_CLOSED)) {
        step("- close");
      } else if (reason == CloseReason.PEER_CLOSED) {
        step("- expect-close");
      }
    }
  }

  private static CloseReason closeReason(String code) {
    for (CloseReason reason : CloseReason.values()) {
      if (EventRecord.reasonCode(reason).equals(code)) {
        return reason;
      }
    }
    return CloseReason.ERROR;
  }

  private boolean isOurPeer(int id) {
    if (peer == null) {
      peer = id;
    }
    return peer == id;
  }

  private void flushAnswer() {
    if (answer.size() > 0) {
      step(ScriptYaml.payloadStep("expect", answer.toByteArray()));
      answer.reset();
    }
    answerCut = false;
  }

  private void step(String text) {
    if (stepCount >= MAX_STEPS) {
      truncated = true;
      return;
    }
    stepCount++;
    steps.append("      ").append(text).append('\n');
  }

  /** The script recorded so far. */
  public synchronized String yaml() {
    StringBuilder out = new StringBuilder();
    out.append("# Recorded by SocketDesk; run it with: socketdesk test FILE\n");
    if (truncated) {
      out.append("# Only the first ").append(MAX_STEPS).append(" steps were kept.\n");
    }
    out.append("tests:\n");
    out.append("  - name: ").append(ScriptYaml.quote(name)).append('\n');
    out.append("    ").append(link).append('\n');
    out.append("    steps:\n");
    java.io.ByteArrayOutputStream pending = answer;
    StringBuilder body = new StringBuilder(steps);
    if (pending.size() > 0) {
      body.append("      ")
          .append(ScriptYaml.payloadStep("expect", pending.toByteArray()))
          .append('\n');
    }
    if (body.length() == 0) {
      body.append("      - wait: 0ms   # nothing was sent or received\n");
    }
    return out.append(body).toString();
  }

  /**
   * Checks, before a session opens, that the script can be written to {@code file} at its end: a
   * file that exists is opened for writing without being changed; one that does not is created and
   * removed again.
   *
   * @throws IOException why it cannot be written (a folder: a {@link FileSystemException} saying
   *     so).
   */
  public static void checkWritable(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new FileSystemException(file.toString(), null, "it is a folder; name a file in it");
    }
    if (Files.exists(file)) {
      Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND).close();
    } else {
      Files.newOutputStream(file, StandardOpenOption.CREATE_NEW).close();
      Files.delete(file);
    }
  }

  /** Writes {@link #yaml()} to {@code file}, replacing it. */
  public void write(Path file) throws IOException {
    Files.writeString(file, yaml(), StandardCharsets.UTF_8);
  }
}
