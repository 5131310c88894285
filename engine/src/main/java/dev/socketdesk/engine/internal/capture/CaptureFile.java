package dev.socketdesk.engine.internal.capture;

import dev.socketdesk.engine.CaptureOptions;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.internal.failures.Failures;
import io.netty.handler.pcap.PcapWriteHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The shared output stream of a session's {@link PcapWriteHandler}s: buffers records, and has its
 * own writer thread write them to the current pcap file, starting the next file at a record
 * boundary before the size limit.
 *
 * <p>Each handler writes a record as a 16-byte header, then its packet, holding this object's
 * monitor (Netty's shared-stream contract), so the boundaries can be followed by reading each
 * header's length. Full buffers go to the writer thread, so that an event loop copies records while
 * the file system takes the last buffer: the file write is where a capturing event loop spent three
 * quarters of its time. At most {@value #BUFFERS} buffers of {@value #BUFFER} bytes exist; when the
 * writer is that far behind, the handing-over thread waits for it, so the connections slow to the
 * disk's speed and no record is lost. Never throws: after a write error the capture stops, the
 * failure is reported once through {@code onFailure} (on the writer thread), and later writes are
 * dropped, so the connections keep running.
 */
public final class CaptureFile extends OutputStream {
  private static final int RECORD_HEADER = 16;
  private static final int BUFFER = 256 * 1024;
  private static final int BUFFERS = 8;
  private static final long CLOSE_WAIT_SECONDS = 30;
  private static final byte[] GLOBAL_HEADER = globalHeader();

  private final CaptureOptions options;
  private final Consumer<SessionException> onFailure;
  private final byte[] header = new byte[RECORD_HEADER];
  private final BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
  private final BlockingQueue<Chunk> toWrite = new ArrayBlockingQueue<>(BUFFERS + 1);
  private final Thread writer;
  private int buffersMade;
  // Writer thread only.
  private FileChannel file;
  private int writingFileNumber;
  // Guarded by this.
  private ByteBuffer buffer;
  private int fileNumber;
  private long fileBytes;
  private int headerFill;
  private long recordLeft;
  private boolean closed;
  private volatile boolean stopped;

  /** A filled buffer and the number of the file it belongs in; a null buffer ends the writer. */
  private record Chunk(ByteBuffer bytes, int fileNumber) {}

  private CaptureFile(CaptureOptions options, Consumer<SessionException> onFailure) {
    this.options = options;
    this.onFailure = onFailure;
    this.writer = new Thread(this::writeChunks, "socketdesk-capture-writer");
    writer.setDaemon(true);
  }

  /**
   * Opens the first file, so that an unwritable path is refused at once.
   *
   * @throws IOException when the file cannot be created.
   */
  public static CaptureFile open(CaptureOptions options, Consumer<SessionException> onFailure)
      throws IOException {
    CaptureFile capture = new CaptureFile(options, onFailure);
    capture.file = openFile(options, 1);
    capture.writingFileNumber = 1;
    synchronized (capture) {
      capture.fileNumber = 1;
      capture.buffer = capture.takeBuffer();
      capture.put(GLOBAL_HEADER, 0, GLOBAL_HEADER.length);
    }
    capture.writer.start();
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
    while (at < end && !closed && !stopped) {
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
          handOver();
          fileNumber++;
          fileBytes = 0;
          put(GLOBAL_HEADER, 0, GLOBAL_HEADER.length);
        }
        put(header, 0, RECORD_HEADER);
      }
    }
  }

  /** Hands what is buffered to the writer thread, which writes it soon; does not wait for it. */
  @Override
  public synchronized void flush() {
    if (!closed && !stopped && buffer.position() > 0) {
      handOver();
    }
  }

  /**
   * Writes what is buffered and closes the file, waiting for the writer thread (at most {@value
   * #CLOSE_WAIT_SECONDS} s), so the file is complete when this returns; later writes are dropped.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      if (!stopped && buffer.position() > 0) {
        handOver();
      }
      closed = true;
      enqueue(new Chunk(null, fileNumber));
    }
    try {
      writer.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void put(byte[] bytes, int at, int n) {
    fileBytes += n;
    int done = 0;
    while (done < n && !stopped) {
      int chunk = Math.min(buffer.remaining(), n - done);
      buffer.put(bytes, at + done, chunk);
      done += chunk;
      if (!buffer.hasRemaining()) {
        handOver();
      }
    }
  }

  /** Queues the current buffer for the writer and takes an empty one. Holding this. */
  private void handOver() {
    buffer.flip();
    enqueue(new Chunk(buffer, fileNumber));
    buffer = takeBuffer();
  }

  private ByteBuffer takeBuffer() {
    ByteBuffer empty = free.poll();
    if (empty != null) {
      return empty;
    }
    if (buffersMade < BUFFERS) {
      buffersMade++;
      return ByteBuffer.allocateDirect(BUFFER);
    }
    try {
      return free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
      return ByteBuffer.allocateDirect(BUFFER);
    }
  }

  private void enqueue(Chunk chunk) {
    // Never full: at most BUFFERS filled buffers plus the end marker exist.
    if (!toWrite.offer(chunk)) {
      throw new IllegalStateException("capture queue overflow");
    }
  }

  /** The writer thread's loop: writes chunks in order until the end marker. */
  private void writeChunks() {
    while (true) {
      Chunk chunk;
      try {
        chunk = toWrite.take();
      } catch (InterruptedException e) {
        return;
      }
      if (chunk.bytes() == null) {
        closeQuietly();
        return;
      }
      if (!stopped) {
        try {
          if (chunk.fileNumber() != writingFileNumber) {
            file.close();
            writingFileNumber = chunk.fileNumber();
            file = openFile(options, writingFileNumber);
          }
          while (chunk.bytes().hasRemaining()) {
            file.write(chunk.bytes());
          }
        } catch (IOException e) {
          fail(e);
        }
      }
      chunk.bytes().clear();
      free.offer(chunk.bytes());
    }
  }

  private static FileChannel openFile(CaptureOptions options, int number) throws IOException {
    FileChannel channel =
        FileChannel.open(
            options.fileNumber(number),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING);
    if (options.maxFiles() > 0 && number > options.maxFiles()) {
      Files.deleteIfExists(options.fileNumber(number - options.maxFiles()));
    }
    return channel;
  }

  /** Writer thread only. */
  private void fail(IOException e) {
    if (stopped) {
      return;
    }
    stopped = true;
    closeQuietly();
    onFailure.accept(
        Failures.captureStopped(
            options.fileNumber(writingFileNumber).toString(),
            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
  }

  private void closeQuietly() {
    try {
      file.close();
    } catch (IOException e) {
      if (!stopped) {
        fail(e);
      }
    }
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
