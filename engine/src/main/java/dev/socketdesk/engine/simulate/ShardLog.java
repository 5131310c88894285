package dev.socketdesk.engine.simulate;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * One simulation's histogram log, read back: what {@link SimulationConfig#histogramLog()} wrote.
 *
 * <p>The file is an HdrHistogram interval log (read it with {@link HistogramLogReader} or
 * HdrHistogram's tools) with SocketDesk's own comment lines:
 *
 * <pre>
 * #socketdesk-simulate version=1 run=ID profile=P target=HOST:PORT count=N shard=I/N first-id=F
 *     devices=D settings=HASH start-ms=EPOCH_MS                                 (one line)
 * #[Histogram log format version 1.3]
 * #[StartTime: ...]  #[BaseTime: ...]  "StartTimestamp","Interval_Length",...  (HdrHistogram's)
 * Tag=rtt,0.000,1.001,0.412,HISTFAAA...        one line a second, values in nanoseconds,
 * Tag=connect,0.000,1.001,2.118,HISTFAAA...    the max column in milliseconds
 * #socketdesk-counters elapsed-ms=.. launched=.. connected=.. failed=.. closed=.. messages-in=..
 *     messages-out=.. bytes-in=.. bytes-out=.. echoes-verified=.. echo-mismatches=.. errors=..
 * #socketdesk-error cause=refused count=3 example=Connection refused: /127.0.0.1:1   (per cause)
 * #socketdesk-end
 * </pre>
 *
 * @param file where it was read from.
 * @param header the header's fields ({@code run}, {@code profile}, {@code shard}...).
 * @param counters the final counters.
 * @param errors the errors by cause, largest first.
 * @param rtt every round trip of the run, in nanoseconds.
 * @param connect every connect time of the run, in nanoseconds.
 * @param intervals how many one-second intervals the log holds.
 */
public record ShardLog(
    Path file,
    Map<String, String> header,
    Map<String, Long> counters,
    List<ErrorGroup> errors,
    Histogram rtt,
    Histogram connect,
    int intervals) {

  /** The first line's marker. */
  public static final String HEADER = "socketdesk-simulate";

  /** The format version this build writes and reads. */
  public static final int VERSION = 1;

  /** The final counters' marker. */
  public static final String COUNTERS = "socketdesk-counters";

  /** One error group's marker. */
  public static final String ERROR = "socketdesk-error";

  /** The last line, written when the run ended normally. */
  public static final String END = "socketdesk-end";

  /** Tag of the round-trip-time histograms. */
  public static final String RTT_TAG = "rtt";

  /** Tag of the connect-time histograms. */
  public static final String CONNECT_TAG = "connect";

  /** Values are nanoseconds; the log's max column shows them in milliseconds. */
  public static final double MAX_VALUE_UNIT_RATIO = 1e6;

  static final List<String> COUNTER_NAMES =
      List.of(
          "elapsed-ms",
          "launched",
          "connected",
          "failed",
          "closed",
          "messages-in",
          "messages-out",
          "bytes-in",
          "bytes-out",
          "echoes-verified",
          "echo-mismatches",
          "errors");

  private static final List<String> HEADER_NAMES =
      List.of(
          "run",
          "profile",
          "target",
          "count",
          "shard",
          "first-id",
          "devices",
          "settings",
          "start-ms");

  /** The name an error cause has in the log and in JSON, e.g. {@code no-local-port}. */
  public static String causeName(ErrorCause cause) {
    return cause.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The shard this log is of. */
  public Shard shard() {
    String[] p = header.get("shard").split("/");
    return new Shard(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
  }

  public Profile profile() {
    return Profile.parse(header.get("profile"));
  }

  public long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }

  public long headerNumber(String name) {
    return Long.parseLong(header.get(name));
  }

  /**
   * Reads and checks one log.
   *
   * @throws BadLogException when it is missing, not such a log, damaged or cut short.
   */
  public static ShardLog read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadLogException(BadLogException.Kind.MISSING, file + ": no such file");
    } catch (IOException e) {
      throw new BadLogException(
          BadLogException.Kind.MISSING, file + ": cannot read it (" + e.getMessage() + ")");
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    Map<String, String> header = null;
    Map<String, Long> counters = null;
    List<ErrorGroup> errors = new ArrayList<>();
    boolean ended = false;
    try (BufferedReader lines = new BufferedReader(new java.io.StringReader(text))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("#" + HEADER + " ")) {
          header = fields(line.substring(HEADER.length() + 2));
        } else if (line.startsWith("#" + COUNTERS + " ")) {
          counters = numbers(file, fields(line.substring(COUNTERS.length() + 2)));
        } else if (line.startsWith("#" + ERROR + " ")) {
          errors.add(error(file, line.substring(ERROR.length() + 2)));
        } else if (line.equals("#" + END)) {
          ended = true;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    if (header == null || !HEADER_NAMES.stream().allMatch(header::containsKey)) {
      throw new BadLogException(
          BadLogException.Kind.INVALID,
          file + ": not a socketdesk simulate histogram log (no '#" + HEADER + "' header line)");
    }
    if (!String.valueOf(VERSION).equals(header.get("version"))) {
      throw new BadLogException(
          BadLogException.Kind.INVALID,
          file
              + ": log format version "
              + header.get("version")
              + " is not "
              + VERSION
              + "; report it with the SocketDesk that wrote it");
    }
    Histogram rtt = new Histogram(3);
    Histogram connect = new Histogram(3);
    int intervals = histograms(file, bytes, rtt, connect);
    if (!ended || counters == null) {
      throw new BadLogException(
          BadLogException.Kind.TRUNCATED,
          file
              + ": ends before the final counters (shard "
              + header.get("shard")
              + " was stopped before it finished, or still runs); rerun that shard");
    }
    errors.sort((a, b) -> Long.compare(b.count(), a.count()));
    return new ShardLog(file, header, counters, List.copyOf(errors), rtt, connect, intervals);
  }

  private static int histograms(Path file, byte[] bytes, Histogram rtt, Histogram connect) {
    HistogramLogReader reader = new HistogramLogReader(new ByteArrayInputStream(bytes));
    int intervals = 0;
    try {
      for (EncodableHistogram h = reader.nextIntervalHistogram();
          h != null;
          h = reader.nextIntervalHistogram()) {
        if (!(h instanceof Histogram histogram)) {
          throw new IllegalArgumentException("not an integer histogram");
        }
        if (RTT_TAG.equals(h.getTag())) {
          rtt.add(histogram);
          intervals++;
        } else if (CONNECT_TAG.equals(h.getTag())) {
          connect.add(histogram);
        }
      }
    } catch (RuntimeException e) {
      throw new BadLogException(
          BadLogException.Kind.TRUNCATED,
          file
              + ": a histogram line is damaged or cut off after "
              + intervals
              + " intervals ("
              + e.getClass().getSimpleName()
              + "); rerun that shard");
    }
    return intervals;
  }

  /** {@code a=1 b=x y} as a map; a value runs to the next {@code name=}. */
  private static Map<String, String> fields(String text) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String part : text.trim().split(" (?=[a-z-]+=)")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        m.put(part.substring(0, eq), part.substring(eq + 1));
      }
    }
    return m;
  }

  private static Map<String, Long> numbers(Path file, Map<String, String> fields) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String name : COUNTER_NAMES) {
      try {
        m.put(name, Long.parseLong(fields.get(name)));
      } catch (RuntimeException e) {
        throw new BadLogException(
            BadLogException.Kind.INVALID,
            file + ": the counters line has no number for '" + name + "'; rerun that shard");
      }
    }
    return m;
  }

  private static ErrorGroup error(Path file, String text) {
    int example = text.indexOf(" example=");
    Map<String, String> f = fields(example < 0 ? text : text.substring(0, example));
    if (example >= 0) {
      f.put("example", text.substring(example + " example=".length()));
    }
    try {
      ErrorCause cause =
          ErrorCause.valueOf(f.get("cause").toUpperCase(Locale.ROOT).replace('-', '_'));
      return new ErrorGroup(cause, Long.parseLong(f.get("count")), f.getOrDefault("example", ""));
    } catch (RuntimeException e) {
      throw new BadLogException(
          BadLogException.Kind.INVALID, file + ": a damaged error line: " + text);
    }
  }
}
