package dev.socketdesk.engine.internal.session;

import dev.socketdesk.engine.internal.pipeline.SessionHandlers;
import dev.socketdesk.engine.internal.tls.TlsSetup;
import io.netty.channel.Channel;

/**
 * What a connection-oriented transport puts on each new connection: its own handlers (TLS when
 * {@code tls} is set, a protocol's codec and handshake), then the session's shared handlers. Plain
 * TCP is {@link TcpPipeline#install}.
 */
@FunctionalInterface
interface ConnectionSetup {
  /**
   * @param peer names the other side in messages, {@code host:port}.
   * @param acceptedAs the peer id given in accept order, or 0 to take the next one.
   */
  void install(Channel ch, SessionHandlers handlers, TlsSetup tls, String peer, int acceptedAs);
}
