package dev.socketdesk.engine.internal.tls;

import dev.socketdesk.engine.internal.pipeline.HandshakeGate;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Right behind the {@link SslHandler}: turns the end of its handshake into a {@link HandshakeGate}
 * stage, done with the protocol, cipher and peer certificate, or failed with the cause in one line.
 * Event-loop thread only.
 */
final class TlsStage extends ChannelInboundHandlerAdapter {
  private final boolean client;
  private final String peer;
  private final String expectedName;

  TlsStage(boolean client, String peer, String expectedName) {
    this.client = client;
    this.peer = peer;
    this.expectedName = expectedName;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof SslHandshakeCompletionEvent done) {
      if (done.isSuccess()) {
        SSLSession session = ctx.pipeline().get(SslHandler.class).engine().getSession();
        ctx.fireUserEventTriggered(new HandshakeGate.StageDone("tls", describe(session)));
      } else {
        ctx.fireUserEventTriggered(
            new HandshakeGate.StageFailed(
                TlsFailures.handshake(done.cause(), peer, client, expectedName)));
      }
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    SslHandler ssl = ctx.pipeline().get(SslHandler.class);
    if (ssl != null && !ssl.handshakeFuture().isDone()) {
      ctx.fireUserEventTriggered(
          new HandshakeGate.StageFailed(TlsFailures.handshake(cause, peer, client, expectedName)));
      return;
    }
    ctx.fireExceptionCaught(cause);
  }

  private String describe(SSLSession session) {
    String certificate;
    try {
      Certificate[] chain = session.getPeerCertificates();
      certificate =
          chain.length > 0 && chain[0] instanceof X509Certificate x
              ? "peer certificate " + Certificates.subjectAndExpiry(x)
              : "no peer certificate";
    } catch (SSLPeerUnverifiedException e) {
      certificate = "no peer certificate";
    }
    return session.getProtocol() + " " + session.getCipherSuite() + ", " + certificate;
  }
}
