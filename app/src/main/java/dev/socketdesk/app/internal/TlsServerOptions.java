package dev.socketdesk.app.internal;

import dev.socketdesk.core.ConfigDirs;
import dev.socketdesk.engine.TlsConfig;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** TLS options of a server command ({@code tcp-server}, {@code ws-server}). A picocli mixin. */
@Command(addMethodSubcommands = false)
public final class TlsServerOptions {
  @Option(
      names = "--tls",
      description =
          "Speak TLS. Without --cert/--key, a self-signed certificate for this machine's names and"
              + " addresses is made once (kept in the config directory) and its SHA-256"
              + " fingerprint printed.")
  boolean tls;

  @Option(names = "--cert", paramLabel = "FILE", description = "The server certificate (PEM).")
  Path cert;

  @Option(names = "--key", paramLabel = "FILE", description = "Its private key (PEM).")
  Path key;

  @Option(
      names = "--require-client-cert",
      description = "Mutual TLS: refuse clients without a certificate signed by --ca.")
  boolean requireClientCert;

  @Option(
      names = "--ca",
      paramLabel = "FILE",
      description = "CA certificates (PEM) to verify client certificates with.")
  Path ca;

  /** The TLS settings, or null without {@code --tls}. */
  public TlsConfig config() {
    if (!tls) {
      if (cert != null || key != null || requireClientCert || ca != null) {
        throw CliFailure.usage(
            "--cert, --key, --ca and --require-client-cert are TLS options; add --tls");
      }
      return null;
    }
    if ((cert == null) != (key == null)) {
      throw CliFailure.usage(
          cert == null ? "--key needs its --cert FILE" : "--cert needs its --key FILE");
    }
    if (requireClientCert && ca == null) {
      throw CliFailure.usage(
          "--require-client-cert needs --ca FILE, the CA that signs the client certificates");
    }
    TlsConfig config = certificate(cert, key);
    return CliFailure.usageIfInvalid(
        () -> config.withTrustedCa(ca).withRequireClientCert(requireClientCert));
  }

  /**
   * A server's certificate: {@code cert} with {@code key}, or without them (both null) the one made
   * once for this machine and kept in the config directory.
   */
  static TlsConfig certificate(Path cert, Path key) {
    return cert == null
        ? TlsConfig.generatedServer(ConfigDirs.defaultDir())
        : TlsConfig.server(cert, key);
  }
}
