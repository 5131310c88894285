package dev.socketdesk.core.script.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * What a test sent and received, one line per event, for reports. Keeps the last {@link #MAX_LINES}
 * lines of at most {@link #MAX_LINE} characters each, so that a soak run stays within bounded
 * memory; the count of lines left out is kept. Data lines keep at most {@link #SHOWN} bytes and are
 * worded only when the text is asked for, so that a round trip does not pay for its lines. Thread-
 * safe.
 */
public final class Transcript {
  static final int MAX_LINES = 2000;
  static final int MAX_LINE = 200;

  /** The bytes a data line shows. */
  static final int SHOWN = 96;

  private final long startNanos = System.nanoTime();

  /** Lines as {@link String}s, or {@link DataLine}s still to be worded. */
  private final Deque<Object> lines = new ArrayDeque<>();

  private long omitted;

  /** Data sent or received, worded later. */
  private record DataLine(long millis, String prefix, int length, byte[] head) {}

  public synchronized void add(String line) {
    keep(stamped(millis(), line));
  }

  /**
   * A line {@code PREFIX LENGTH B "DATA"}, showing the first {@link #SHOWN} bytes of {@code data};
   * {@code data} must not change afterwards.
   */
  public void addData(String prefix, byte[] data) {
    byte[] head = data.length <= SHOWN ? data : Arrays.copyOf(data, SHOWN);
    DataLine line = new DataLine(millis(), prefix, data.length, head);
    synchronized (this) {
      keep(line);
    }
  }

  private long millis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private void keep(Object line) {
    lines.addLast(line);
    if (lines.size() > MAX_LINES) {
      lines.removeFirst();
      omitted++;
    }
  }

  private static String word(Object line) {
    if (line instanceof DataLine d) {
      String text = Shown.start(d.head, SHOWN, StandardCharsets.UTF_8);
      return stamped(
          d.millis,
          d.prefix + " " + d.length + " B " + text + (d.head.length < d.length ? " ..." : ""));
    }
    return (String) line;
  }

  private static String stamped(long millis, String line) {
    if (line.length() > MAX_LINE) {
      line = line.substring(0, MAX_LINE - 3) + "...";
    }
    String seconds = Long.toString(millis / 1000);
    StringBuilder stamped = new StringBuilder(line.length() + 16);
    stamped.append(" ".repeat(Math.max(0, 5 - seconds.length()))).append(seconds).append('.');
    long frac = millis % 1000;
    stamped
        .append(frac < 100 ? (frac < 10 ? "00" : "0") : "")
        .append(frac)
        .append(' ')
        .append(line);
    return stamped.toString();
  }

  /** The kept lines, each ending with a newline, after a note of how many were left out. */
  public synchronized String text() {
    StringBuilder out = new StringBuilder();
    if (omitted > 0) {
      out.append("... ").append(omitted).append(" earlier lines left out\n");
    }
    for (Object line : lines) {
      out.append(word(line)).append('\n');
    }
    return out.toString();
  }
}
