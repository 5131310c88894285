package dev.socketdesk.engine.internal.capture;

import dev.socketdesk.engine.CaptureOptions;
import io.netty.handler.pcap.PcapWriteHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The shared output stream of a session's {@link PcapWriteHandler}s: buffers records, writes them
 * to the current pcap file, and starts the next file at a record boundary before the size limit.
 *
 * <p>Each handler writes a record as a 16-byte header, then its packet, holding this object's
 * monitor (Netty's shared-stream contract), so the boundaries can be followed by reading each
 * header's length. Never throws: after a write error the capture stops, the failure is reported
 * once through {@code onFailure}, and later writes are dropped, so the connections keep running.
 */
public final class CaptureFile extends OutputStream {
  private static final int RECORD_HEADER = 16;
  private static final int BUFFER = 256 * 1024;
  private static final byte[] GLOBAL_HEADER = globalHeader();

  private final CaptureOptions options;
  private final Consumer<String> onFailure;
  private final byte[] header = new byte[RECORD_HEADER];
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
  private FileChannel file;
  private int fileNumber;
  private long fileBytes;
  private int headerFill;
  private long recordLeft;
  private boolean stopped;

  private CaptureFile(CaptureOptions options, Consumer<String> onFailure) {
    this.options = options;
    this.onFailure = onFailure;
  }

  /**
   * Opens the first file, so that an unwritable path is refused at once.
   *
   * @throws IOException when the file cannot be created.
   */
  public static CaptureFile open(CaptureOptions options, Consumer<String> onFailure)
      throws IOException {
    CaptureFile capture = new CaptureFile(options, onFailure);
    capture.startFile();
    return capture;
  }

  public CaptureOptions options() {
    return options;
  }

  @Override
  public synchronized void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    int at = offset;
    int end = offset + length;
    while (at < end && !stopped) {
      if (recordLeft > 0) {
        int n = (int) Math.min(recordLeft, end - at);
        put(bytes, at, n);
        recordLeft -= n;
        at += n;
        continue;
      }
      int n = Math.min(RECORD_HEADER - headerFill, end - at);
      System.arraycopy(bytes, at, header, headerFill, n);
      headerFill += n;
      at += n;
      if (headerFill == RECORD_HEADER) {
        headerFill = 0;
        recordLeft = ByteBuffer.wrap(header, 8, 4).getInt() & 0xFFFFFFFFL;
        if (fileBytes > GLOBAL_HEADER.length
            && fileBytes + RECORD_HEADER + recordLeft > options.maxFileBytes()) {
          rotate();
        }
        put(header, 0, RECORD_HEADER);
      }
    }
  }

  @Override
  public synchronized void flush() {
    if (!stopped) {
      try {
        drain();
      } catch (IOException e) {
        fail(e);
      }
    }
  }

  /** Writes what is buffered and closes the file; later writes are dropped. */
  @Override
  public synchronized void close() {
    if (stopped) {
      return;
    }
    try {
      drain();
      file.close();
    } catch (IOException e) {
      fail(e);
    }
    stopped = true;
  }

  private void put(byte[] bytes, int at, int n) {
    fileBytes += n;
    int done = 0;
    while (done < n && !stopped) {
      int chunk = Math.min(buffer.remaining(), n - done);
      buffer.put(bytes, at + done, chunk);
      done += chunk;
      if (!buffer.hasRemaining()) {
        try {
          drain();
        } catch (IOException e) {
          fail(e);
        }
      }
    }
  }

  private void drain() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      file.write(buffer);
    }
    buffer.clear();
  }

  private void rotate() {
    try {
      drain();
      file.close();
      startFile();
    } catch (IOException e) {
      fail(e);
    }
  }

  private void startFile() throws IOException {
    fileNumber++;
    Path path = options.fileNumber(fileNumber);
    file =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    fileBytes = 0;
    if (options.maxFiles() > 0 && fileNumber > options.maxFiles()) {
      Files.deleteIfExists(options.fileNumber(fileNumber - options.maxFiles()));
    }
    put(GLOBAL_HEADER, 0, GLOBAL_HEADER.length);
  }

  private void fail(IOException e) {
    if (stopped) {
      return;
    }
    stopped = true;
    buffer.clear();
    try {
      file.close();
    } catch (IOException ignored) {
      // Already failing; the first cause is the one reported.
    }
    onFailure.accept(
        "capture to "
            + options.fileNumber(fileNumber)
            + " stopped: "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
            + "; free some disk space or choose another file, then capture again");
  }

  /** The 24-byte pcap file header, as Netty writes it. */
  private static byte[] globalHeader() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(24);
    try {
      PcapWriteHandler.writeGlobalHeader(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
