package dev.socketdesk.engine.internal.tls;

import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import dev.socketdesk.engine.TlsConfig;
import io.netty.channel.Channel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * A session's TLS: the context built once from its {@link TlsConfig}, and the handlers each
 * connection gets in front of the session's own ({@code tls}: Netty's {@link SslHandler}, then
 * {@link TlsStage}).
 */
public final class TlsSetup {
  public static final String HANDLER = "tls";
  public static final String STAGE = "tls-stage";
  static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;

  private final SslContext context;
  private final boolean client;
  private final String serverName;
  private final int port;
  private final String certificateNotice;

  private TlsSetup(SslContext context, boolean client, String serverName, int port, String notice) {
    this.context = context;
    this.client = client;
    this.serverName = serverName;
    this.port = port;
    this.certificateNotice = notice;
  }

  /** A server's TLS; generates its certificate first when it has none. */
  public static TlsSetup server(TlsConfig config) {
    Path cert = config.certificate();
    Path key = config.privateKey();
    boolean generated = cert == null;
    if (generated) {
      if (config.generatedDir() == null) {
        throw new SessionException(
            Kind.INVALID,
            "a TLS server needs a certificate and key, or a directory to generate one");
      }
      try {
        cert = GeneratedCertificate.ensure(config.generatedDir());
        key = GeneratedCertificate.keyOf(cert);
      } catch (IOException e) {
        throw new SessionException(
            Kind.TLS_OTHER,
            "cannot create a certificate in "
                + config.generatedDir()
                + ": "
                + e.getMessage()
                + "; make the directory writable, or give a certificate and key");
      }
    }
    X509Certificate leaf = leaf(cert, "certificate");
    try {
      SslContextBuilder builder =
          SslContextBuilder.forServer(cert.toFile(), readable(key, "private key").toFile())
              .sslProvider(SslProvider.JDK);
      if (config.trustedCa() != null) {
        builder
            .trustManager(readable(config.trustedCa(), "CA").toFile())
            .clientAuth(config.requireClientCert() ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL);
      }
      protocols(builder, config.protocols());
      String notice =
          (generated ? "self-signed certificate " : "certificate ")
              + Certificates.subjectAndExpiry(leaf)
              + ", for "
              + String.join(", ", Certificates.names(leaf))
              + "; SHA-256 "
              + Certificates.fingerprint(leaf)
              + (generated ? "; kept in " + cert : "");
      return new TlsSetup(builder.build(), false, null, 0, notice);
    } catch (SSLException | IllegalArgumentException e) {
      throw unusable(cert, key, e);
    }
  }

  /** A client's TLS towards {@code remote}. */
  public static TlsSetup client(TlsConfig config, HostPort remote) {
    SslContextBuilder builder = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
    if (config.insecure()) {
      builder
          .trustManager(InsecureTrustManagerFactory.INSTANCE)
          .endpointIdentificationAlgorithm(null);
    } else {
      builder.endpointIdentificationAlgorithm("HTTPS");
      if (config.trustedCa() != null) {
        leaf(config.trustedCa(), "CA");
        builder.trustManager(config.trustedCa().toFile());
      }
    }
    try {
      if (config.certificate() != null) {
        leaf(config.certificate(), "client certificate");
        builder.keyManager(
            config.certificate().toFile(), readable(config.privateKey(), "private key").toFile());
      }
      protocols(builder, config.protocols());
      String name = config.serverName() != null ? config.serverName() : remote.host();
      String notice =
          config.insecure()
              ? "certificate verification is off: the server's certificate chain, expiry and"
                  + " name are not checked, so anyone in between can read and change the traffic"
              : null;
      return new TlsSetup(builder.build(), true, name, remote.port(), notice);
    } catch (SSLException | IllegalArgumentException e) {
      throw unusable(config.certificate(), config.privateKey(), e);
    }
  }

  /**
   * What to show once the session is open: a server's certificate (with its fingerprint), or a
   * client's warning that it does not verify; null for nothing.
   */
  public String openingNotice() {
    return certificateNotice;
  }

  /** Whether the opening notice is a warning. */
  public boolean warns() {
    return client && certificateNotice != null;
  }

  /**
   * Adds the TLS handlers to a new connection's pipeline, before the session's. {@code peer} names
   * the other side in messages.
   */
  public void install(Channel channel, String peer) {
    SslHandler handler =
        client
            ? context.newHandler(channel.alloc(), serverName, port)
            : context.newHandler(channel.alloc());
    handler.setHandshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS);
    channel.pipeline().addLast(HANDLER, handler);
    channel.pipeline().addLast(STAGE, new TlsStage(client, peer, serverName));
  }

  /** A bare {@link SslHandler} for a connection, without the session's handshake reporting. */
  public SslHandler newHandler(Channel channel) {
    SslHandler handler =
        client
            ? context.newHandler(channel.alloc(), serverName, port)
            : context.newHandler(channel.alloc());
    handler.setHandshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS);
    return handler;
  }

  private static void protocols(SslContextBuilder builder, List<String> protocols) {
    if (!protocols.isEmpty()) {
      builder.protocols(protocols);
    }
  }

  private static Path readable(Path file, String what) {
    if (!Files.isReadable(file)) {
      throw new SessionException(
          Kind.TLS_OTHER,
          what
              + " file "
              + file
              + (Files.exists(file) ? " is not readable" : " does not exist")
              + "; give the path of a PEM file");
    }
    return file;
  }

  private static X509Certificate leaf(Path file, String what) {
    try {
      return Certificates.read(readable(file, what)).get(0);
    } catch (IOException e) {
      throw new SessionException(
          Kind.TLS_OTHER,
          what + " file " + file + " cannot be used: " + e.getMessage() + "; give a PEM file");
    }
  }

  private static SessionException unusable(Path cert, Path key, Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new SessionException(
        Kind.TLS_OTHER,
        "certificate "
            + cert
            + " with key "
            + key
            + " cannot be used: "
            + message.lines().findFirst().orElse("")
            + "; give a PEM certificate and its PEM (PKCS#8 or PKCS#1) private key");
  }
}
