package dev.socketdesk.engine.simulate.internal;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The simulated servers' connection accounting, shared by the TCP and WebSocket echo servers: a
 * connection counts as launched and connected when it opens and as closed when it ends, and an
 * error is recorded by its cause and closes the connection. Goes last in a connection's pipeline,
 * so that it sees the errors of every handler before it. Stateless.
 */
@Sharable
final class ServerConnections extends ChannelInboundHandlerAdapter {
  private final RunContext run;

  ServerConnections(RunContext run) {
    this.run = run;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    run.stats.launched.increment();
    run.stats.connected.increment();
    run.track(ctx.channel());
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    run.stats.connected.decrement();
    run.stats.closed.increment();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    run.errors.record(cause);
    ctx.close();
  }
}
