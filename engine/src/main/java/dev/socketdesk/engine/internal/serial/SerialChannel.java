package dev.socketdesk.engine.internal.serial;

import com.fazecast.jSerialComm.SerialPort;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.internal.transport.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.AbstractChannel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelMetadata;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelConfig;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * An open serial port as a Netty channel, so that a session's shared handlers run on it unchanged.
 * The port's blocking calls never run on the event loop:
 *
 * <ul>
 *   <li>Reads: one reader thread per channel blocks in {@code readBytes} and hands each chunk to
 *       the event loop, one per permit, which {@link #doBeginRead} gives (at most one outstanding).
 *       It reads the next chunk ahead while the event loop handles the last, so at most two chunks
 *       are read and not yet handled; while reading is paused (auto-read off) nothing more is read,
 *       the system's buffer fills and flow control, if any, stops the device.
 *   <li>Writes: the first flushed buffer of the outbound buffer is copied and written on {@code
 *       writer} (one thread); it is removed from the outbound buffer (completing its promise) only
 *       once written, so pending bytes count against the write water mark and writability works as
 *       on a socket. At most one write is with the writer at a time.
 * </ul>
 *
 * Both addresses are the port's path as an unresolved address with port 0. Closing the channel
 * closes the port, which ends a blocked read or write. Event-loop thread only, except where noted.
 */
public final class SerialChannel extends AbstractChannel {
  private static final ChannelMetadata METADATA = new ChannelMetadata(false);
  private static final int READ_CHUNK = 16 * 1024;
  private static final int READ_TIMEOUT_MS = 100;

  private final SerialPort port;
  private final InetSocketAddress address;
  private final Executor writer;
  private final ChannelConfig config = new DefaultChannelConfig(this);
  private final Semaphore readPermit = new Semaphore(0);

  private volatile boolean open = true;

  /** A read permit is outstanding or a chunk is on its way to the event loop. */
  private boolean readPending;

  /** A buffer is with the writer thread. */
  private boolean writing;

  /** {@code port} is open already; {@code writer} runs one task at a time. */
  public SerialChannel(SerialPort port, String path, Executor writer) {
    super(null);
    this.port = port;
    this.address = InetSocketAddress.createUnresolved(path, 0);
    this.writer = writer;
    config.setWriteBufferWaterMark(Transport.WRITE_WATER_MARK);
  }

  /** The port, for control lines; its calls are thread-safe. */
  public SerialPort port() {
    return port;
  }

  @Override
  protected AbstractUnsafe newUnsafe() {
    return new SerialUnsafe();
  }

  @Override
  protected boolean isCompatible(EventLoop loop) {
    return true;
  }

  @Override
  protected SocketAddress localAddress0() {
    return address;
  }

  @Override
  protected SocketAddress remoteAddress0() {
    return address;
  }

  @Override
  protected void doRegister() {
    Thread reader = new Thread(this::readLoop, "socketdesk-serial-read " + address.getHostString());
    reader.setDaemon(true);
    reader.start();
  }

  @Override
  protected void doBind(SocketAddress localAddress) {
    throw new UnsupportedOperationException("a serial port is not bound");
  }

  @Override
  protected void doDisconnect() throws Exception {
    doClose();
  }

  @Override
  protected void doClose() {
    open = false;
    readPermit.release();
    port.closePort();
  }

  @Override
  protected void doBeginRead() {
    if (!readPending && open) {
      readPending = true;
      readPermit.release();
    }
  }

  @Override
  protected Object filterOutboundMessage(Object msg) {
    if (msg instanceof ByteBuf) {
      return msg;
    }
    throw new UnsupportedOperationException(
        "a serial port writes bytes, not " + msg.getClass().getSimpleName());
  }

  @Override
  protected void doWrite(ChannelOutboundBuffer in) {
    if (writing) {
      return;
    }
    while (true) {
      ByteBuf buf = (ByteBuf) in.current();
      if (buf == null) {
        return;
      }
      if (!buf.isReadable()) {
        in.remove();
        continue;
      }
      byte[] bytes = ByteBufUtil.getBytes(buf);
      writing = true;
      writer.execute(() -> writeAll(bytes));
      return;
    }
  }

  /** Writer thread. */
  private void writeAll(byte[] bytes) {
    int done = 0;
    while (done < bytes.length && open) {
      int n = port.writeBytes(bytes, bytes.length - done, done);
      if (n <= 0) {
        break;
      }
      done += n;
    }
    boolean complete = done == bytes.length;
    eventLoop().execute(() -> written(complete));
  }

  private void written(boolean complete) {
    writing = false;
    ChannelOutboundBuffer in = unsafe().outboundBuffer();
    if (in == null || !isOpen()) {
      return;
    }
    if (!complete) {
      SessionException gone = lost();
      in.remove(gone);
      pipeline().fireExceptionCaught(gone);
      close();
      return;
    }
    in.remove();
    ((SerialUnsafe) unsafe()).writeNext();
  }

  /**
   * Reader thread: hands over one chunk per permit, and reads the next chunk while the event loop
   * handles the last one, so at most one chunk is on its way and one is held here. Ends when the
   * channel closes or the port fails.
   */
  private void readLoop() {
    port.setComPortTimeouts(
        SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
        READ_TIMEOUT_MS,
        0);
    byte[] buf = new byte[READ_CHUNK];
    try {
      byte[] ahead = readChunk(buf);
      while (open && ahead != null) {
        if (!readPermit.tryAcquire(READ_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
          continue;
        }
        byte[] chunk = ahead;
        eventLoop().execute(() -> deliver(chunk));
        ahead = readChunk(buf);
      }
      if (open) {
        eventLoop().execute(this::portLost);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits for bytes, then takes what else is already there, up to the buffer's size; null when the
   * port failed or the channel closed.
   */
  private byte[] readChunk(byte[] buf) {
    int n = 0;
    while (open && n == 0) {
      n = port.readBytes(buf, buf.length);
    }
    if (n <= 0) {
      return null;
    }
    for (int available; n < buf.length && (available = port.bytesAvailable()) > 0; ) {
      int more = port.readBytes(buf, Math.min(available, buf.length - n), n);
      if (more <= 0) {
        break;
      }
      n += more;
    }
    return Arrays.copyOf(buf, n);
  }

  private void deliver(byte[] chunk) {
    readPending = false;
    if (!isOpen()) {
      return;
    }
    pipeline().fireChannelRead(Unpooled.wrappedBuffer(chunk));
    pipeline().fireChannelReadComplete();
  }

  private void portLost() {
    if (isOpen()) {
      pipeline().fireExceptionCaught(lost());
      close();
    }
  }

  /** Already worded: the error line names the port once, with no peer prefix of its own. */
  private SessionException lost() {
    String path = address.getHostString();
    return new SessionException(
        Kind.SERIAL_GONE,
        "serial port " + path + " is gone (unplugged, or its program ended)",
        Map.of("path", path));
  }

  @Override
  public ChannelConfig config() {
    return config;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public boolean isActive() {
    return open;
  }

  @Override
  public ChannelMetadata metadata() {
    return METADATA;
  }

  private final class SerialUnsafe extends AbstractUnsafe {
    @Override
    public void connect(SocketAddress remote, SocketAddress local, ChannelPromise promise) {
      promise.setFailure(
          new UnsupportedOperationException("a serial port is opened, not connected"));
    }

    /** Writes the next flushed buffer, if any. */
    void writeNext() {
      flush0();
    }
  }
}
