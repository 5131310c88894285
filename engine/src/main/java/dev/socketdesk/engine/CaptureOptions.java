package dev.socketdesk.engine;

import java.nio.file.Path;

/**
 * Where and how a session captures its traffic: classic pcap files that Wireshark and tshark open,
 * one per session, with every peer in it.
 *
 * <p>A file is closed, and the next one started, before it would pass {@code maxFileBytes}. The
 * first file is {@code file} itself; the next ones insert {@code -2}, {@code -3}, ... before the
 * extension ({@code board.pcap}, {@code board-2.pcap}, ...). With {@code maxFiles} above 0 only the
 * newest that many files are kept, like tshark's ring buffer; 0 keeps them all.
 *
 * @param file the first file; its folder must exist.
 * @param maxFileBytes the largest a file may grow, from {@link #MIN_FILE_BYTES} to {@link
 *     #MAX_FILE_BYTES}.
 * @param maxFiles how many files to keep; 0 for all.
 */
public record CaptureOptions(Path file, long maxFileBytes, int maxFiles) {
  /** Room for the largest packet record (a 65,495-byte payload and its headers) and then some. */
  public static final long MIN_FILE_BYTES = 1L << 20;

  /** Below 2 GiB, which some readers of classic pcap cannot go past. */
  public static final long MAX_FILE_BYTES = (2L << 30) - (1L << 20);

  public CaptureOptions {
    if (file == null) {
      throw new IllegalArgumentException("a capture needs a file name");
    }
    if (maxFileBytes < MIN_FILE_BYTES || maxFileBytes > MAX_FILE_BYTES) {
      throw new IllegalArgumentException(
          "capture file size "
              + maxFileBytes
              + " bytes is out of range; use 1 MiB to 2047 MiB (e.g. 100MB)");
    }
    if (maxFiles < 0) {
      throw new IllegalArgumentException(
          "capture file count " + maxFiles + " is negative; use 0 to keep every file");
    }
  }

  /** Into {@code file}, rotating below 2 GiB and keeping every file. */
  public static CaptureOptions to(Path file) {
    return new CaptureOptions(file, MAX_FILE_BYTES, 0);
  }

  public CaptureOptions withMaxFileBytes(long maxFileBytes) {
    return new CaptureOptions(file, maxFileBytes, maxFiles);
  }

  public CaptureOptions withMaxFiles(int maxFiles) {
    return new CaptureOptions(file, maxFileBytes, maxFiles);
  }

  /** The name of the {@code n}th file (from 1). */
  public Path fileNumber(int n) {
    return FileRing.numbered(file, n);
  }
}
