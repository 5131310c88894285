package dev.socketdesk.app.internal;

import dev.socketdesk.engine.FileRing;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The event log's file series: appends UTF-8 lines to the first file, and once a file has reached
 * its size limit, continues in the next one after the line ends ({@code events.jsonl}, {@code
 * events-2.jsonl}, ...), keeping the newest {@code maxFiles} (0: all). The first error is kept for
 * the message that reports it. Callers serialise access (Output's lock).
 */
final class RotatingLogWriter extends Writer {
  private final Path first;
  private final long maxFileBytes;
  private final int maxFiles;
  private OutputStream file;
  private int number;
  private long size;
  private IOException failure;

  private RotatingLogWriter(Path first, long maxFileBytes, int maxFiles) {
    this.first = first;
    this.maxFileBytes = maxFileBytes;
    this.maxFiles = maxFiles;
  }

  /**
   * Opens the first file for appending.
   *
   * @throws CliFailure (usage) when it cannot be written.
   */
  static RotatingLogWriter open(Path first, long maxFileBytes, int maxFiles) {
    RotatingLogWriter writer = new RotatingLogWriter(first, maxFileBytes, maxFiles);
    try {
      writer.next();
    } catch (IOException e) {
      throw CliFailure.usage(FileRing.cannotWrite(e, first));
    }
    return writer;
  }

  /** What stopped the log, in one line, or null while it works. */
  String failure() {
    return failure == null ? null : FileRing.cannotWrite(failure, FileRing.numbered(first, number));
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    if (failure != null) {
      throw failure;
    }
    try {
      byte[] bytes = new String(chars, offset, length).getBytes(StandardCharsets.UTF_8);
      file.write(bytes);
      size += bytes.length;
      if (size >= maxFileBytes && length > 0 && chars[offset + length - 1] == '\n') {
        file.close();
        next();
      }
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public void flush() throws IOException {
    if (failure != null) {
      throw failure;
    }
    try {
      file.flush();
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    file.close();
  }

  private void next() throws IOException {
    number++;
    Path path = FileRing.numbered(first, number);
    file =
        Files.newOutputStream(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            number == 1 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
    size = Files.size(path);
    if (maxFiles > 0 && number > maxFiles) {
      Files.deleteIfExists(FileRing.numbered(first, number - maxFiles));
    }
  }
}
