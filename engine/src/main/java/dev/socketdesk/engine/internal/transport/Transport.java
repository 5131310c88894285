package dev.socketdesk.engine.internal.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.DefaultChannelPipeline;
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
import java.lang.reflect.Method;
import java.util.List;

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

  /**
   * Initialises this class (which loads the transport) and the Netty classes that every session
   * uses first. Class initialisation is thread-safe: a session opened meanwhile on another thread
   * waits for the class it needs.
   */
  public static void warmUp() {
    ClassLoader loader = Transport.class.getClassLoader();
    try {
      for (Class<?> type : List.of(serverChannel(), socketChannel())) {
        Class.forName(type.getName(), true, loader);
      }
      Class.forName((EPOLL ? EpollIoHandler.class : NioIoHandler.class).getName(), true, loader);
      Class.forName(MultiThreadIoEventLoopGroup.class.getName(), true, loader);
      Class.forName(ServerBootstrap.class.getName(), true, loader);
      Class.forName(DefaultChannelPipeline.class.getName(), true, loader);
      ByteBufAllocator.DEFAULT.getClass();
      handlerMethodAnnotations();
    } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
      // Only a head start: whatever failed here fails again where it is used, and is reported
      // there.
    }
  }

  /**
   * Netty decides which events a handler takes by reading the {@code @Skip} annotations of its
   * methods, most of them inherited from {@link ChannelDuplexHandler}; reading them here has the
   * JDK generate the annotations' proxy class and keep the parsed annotations, which a pipeline
   * built later on another thread then finds.
   */
  private static void handlerMethodAnnotations() {
    for (Method method : ChannelDuplexHandler.class.getMethods()) {
      method.getAnnotations();
    }
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
