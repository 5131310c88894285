package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.ForwardConfig;
import dev.socketdesk.engine.SerialConfig;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.TcpClientConfig;
import dev.socketdesk.engine.TcpServerConfig;
import dev.socketdesk.engine.UdpConfig;
import dev.socketdesk.engine.WebSocketClientConfig;
import dev.socketdesk.engine.WebSocketServerConfig;
import dev.socketdesk.engine.WebSocketSession;
import io.netty.channel.EventLoopGroup;
import java.util.concurrent.Executor;

/** Builds the session implementations on the engine's threads. */
public final class SessionFactory {
  private final EventLoopGroup group;
  private final Executor dispatch;

  public SessionFactory(EventLoopGroup group, Executor dispatch) {
    this.group = group;
    this.dispatch = dispatch;
  }

  public Session tcpServer(int id, TcpServerConfig config) {
    return new TcpServerSession(id, config, group, dispatch);
  }

  public Session tcpClient(int id, TcpClientConfig config) {
    return new TcpClientSession(id, config, group, dispatch);
  }

  public Session serial(int id, SerialConfig config) {
    return new SerialSession(id, config, group, dispatch);
  }

  public Session forward(int id, ForwardConfig config) {
    return new ForwardSession(id, config, group, dispatch);
  }

  public WebSocketSession webSocketServer(int id, WebSocketServerConfig config) {
    return new WebSocketServerSession(id, config, group, dispatch);
  }

  public WebSocketSession webSocketClient(int id, WebSocketClientConfig config) {
    return new WebSocketClientSession(id, config, group, dispatch);
  }

  public Session udp(int id, UdpConfig config) {
    return new UdpSession(id, config, group, dispatch);
  }
}
