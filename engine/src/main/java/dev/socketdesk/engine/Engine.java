package dev.socketdesk.engine;

import dev.socketdesk.engine.internal.serial.SerialPortOpener;
import dev.socketdesk.engine.internal.session.SessionFactory;
import dev.socketdesk.engine.internal.transport.Transport;
import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates and owns sessions. One engine per process is enough; it holds the network threads (epoll
 * on Linux, NIO elsewhere) and the listener dispatch threads.
 *
 * <p>Lifecycle: {@link #create()}, then any number of sessions, then {@link #close()}, which closes
 * every session still open and stops the threads.
 */
public final class Engine implements AutoCloseable {
  private final EventLoopGroup group;
  private final ExecutorService dispatch;
  private final SessionFactory factory;
  private final Map<Integer, Session> sessions = new ConcurrentSkipListMap<>();
  private final AtomicInteger nextId = new AtomicInteger(1);

  private Engine(int threads) {
    this.group = Transport.newGroup(threads, "socketdesk-io");
    this.dispatch =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "socketdesk-events");
              t.setDaemon(true);
              return t;
            });
    this.factory = new SessionFactory(group, dispatch);
  }

  /** An engine with one network thread per core. */
  public static Engine create() {
    return new Engine(Runtime.getRuntime().availableProcessors());
  }

  /** An engine with the given number of network threads. */
  public static Engine create(int threads) {
    return new Engine(threads);
  }

  /**
   * Loads the network transport (on Linux, the epoll library) and initialises the Netty classes
   * that sessions use first, then returns; the first engine otherwise does this itself. A program
   * can call it on a thread of its own so that this work overlaps its other start-up work (such as
   * parsing its command line). Call it after setting Netty's system properties, which its classes
   * read once. Failures are left to the first engine, which reports them.
   */
  public static void warmUp() {
    Transport.warmUp();
  }

  /** The network transport in use: {@code epoll} or {@code nio}. */
  public static String transport() {
    return Transport.name();
  }

  /** A new TCP server session, not yet open. */
  public Session tcpServer(TcpServerConfig config) {
    return register(factory.tcpServer(nextId.getAndIncrement(), config));
  }

  /** A new TCP client session, not yet open. */
  public Session tcpClient(TcpClientConfig config) {
    return register(factory.tcpClient(nextId.getAndIncrement(), config));
  }

  /** A new UDP session, not yet open. */
  public Session udp(UdpConfig config) {
    return register(factory.udp(nextId.getAndIncrement(), config));
  }

  /** A new forward session (a TCP server relaying each client to a target), not yet open. */
  public Session forward(ForwardConfig config) {
    return register(factory.forward(nextId.getAndIncrement(), config));
  }

  /** A new serial port session, not yet open. */
  public Session serial(SerialConfig config) {
    return register(factory.serial(nextId.getAndIncrement(), config));
  }

  /** The serial ports the system lists (pseudo-terminals are not listed, but open by path). */
  public static List<SerialPortInfo> serialPorts() {
    return SerialPortOpener.list();
  }

  /** A new WebSocket server session, not yet open. */
  public WebSocketSession webSocketServer(WebSocketServerConfig config) {
    WebSocketSession session = factory.webSocketServer(nextId.getAndIncrement(), config);
    register(session);
    return session;
  }

  /** A new WebSocket client session, not yet open. */
  public WebSocketSession webSocketClient(WebSocketClientConfig config) {
    WebSocketSession session = factory.webSocketClient(nextId.getAndIncrement(), config);
    register(session);
    return session;
  }

  /** Sessions that are not yet closed, by id. */
  public List<Session> sessions() {
    return List.copyOf(sessions.values());
  }

  /** The session with this id, or null. */
  public Session session(int id) {
    return sessions.get(id);
  }

  private Session register(Session session) {
    sessions.put(session.id(), session);
    session.closed().whenComplete((v, e) -> sessions.remove(session.id()));
    return session;
  }

  /** Closes every session, then stops the threads. Waits up to 5 s. */
  @Override
  public void close() {
    CompletableFuture<?>[] closing =
        sessions.values().stream().map(Session::close).toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(closing).get(5, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // Shutting down regardless; the event loops close every channel below.
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    dispatch.shutdown();
  }
}
