package dev.socketdesk.core.script.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a test sent and received, one line per event, for reports. Keeps the last {@link #MAX_LINES}
 * lines of at most {@link #MAX_LINE} characters each, so that a soak run stays within bounded
 * memory; the count of lines left out is kept. Thread-safe.
 */
public final class Transcript {
  static final int MAX_LINES = 2000;
  static final int MAX_LINE = 200;

  private final long startNanos = System.nanoTime();
  private final Deque<String> lines = new ArrayDeque<>();
  private long omitted;

  public synchronized void add(String line) {
    if (line.length() > MAX_LINE) {
      line = line.substring(0, MAX_LINE - 3) + "...";
    }
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    String seconds = Long.toString(millis / 1000);
    StringBuilder stamped = new StringBuilder(line.length() + 16);
    stamped.append(" ".repeat(Math.max(0, 5 - seconds.length()))).append(seconds).append('.');
    long frac = millis % 1000;
    stamped
        .append(frac < 100 ? (frac < 10 ? "00" : "0") : "")
        .append(frac)
        .append(' ')
        .append(line);
    lines.addLast(stamped.toString());
    if (lines.size() > MAX_LINES) {
      lines.removeFirst();
      omitted++;
    }
  }

  /** The kept lines, each ending with a newline, after a note of how many were left out. */
  public synchronized String text() {
    StringBuilder out = new StringBuilder();
    if (omitted > 0) {
      out.append("... ").append(omitted).append(" earlier lines left out\n");
    }
    for (String line : lines) {
      out.append(line).append('\n');
    }
    return out.toString();
  }
}
