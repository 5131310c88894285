package dev.socketdesk.engine.internal.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** Native epoll where the platform has it (Linux x86_64 and aarch64), NIO everywhere else. */
public final class Transport {
  private static final boolean EPOLL = !Boolean.getBoolean("socketdesk.nio") && epoll();

  /**
   * Pending outbound bytes per connection above which it counts as not writable (and an echo stops
   * reading), and below which it is writable again. Above the largest read (256 KiB), so that a
   * bulk echo does not toggle reading on every chunk; bounded, so a peer that does not read holds
   * at most about 1 MiB of ours.
   */
  public static final WriteBufferWaterMark WRITE_WATER_MARK =
      new WriteBufferWaterMark(512 * 1024, 1024 * 1024);

  private Transport() {}

  /** {@code epoll} or {@code nio}. */
  public static String name() {
    return EPOLL ? "epoll" : "nio";
  }

  /** Whether epoll works here; its library comes from the launcher's folder where there is one. */
  private static boolean epoll() {
    EpollLibrary.prepare();
    return Epoll.isAvailable();
  }

  public static EventLoopGroup newGroup(int threads, String name) {
    IoHandlerFactory factory = EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), factory);
  }

  public static Class<? extends ServerChannel> serverChannel() {
    return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  public static Class<? extends SocketChannel> socketChannel() {
    return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
  }

  public static Class<? extends DatagramChannel> datagramChannel() {
    return EPOLL ? EpollDatagramChannel.class : NioDatagramChannel.class;
  }
}
