package dev.socketdesk.app.internal;

import dev.socketdesk.engine.TlsConfig;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How the client side of a TLS connection verifies and identifies itself: {@code --ca}, {@code
 * --insecure}, {@code --sni}, {@code --client-cert}, {@code --client-key}. A picocli mixin: {@code
 * forward} takes it for a {@code tls://} or {@code wss://} target; {@link TlsClientOptions} adds
 * {@code --tls}.
 */
@Command(addMethodSubcommands = false)
public class TlsVerifyOptions {
  @Option(
      names = "--ca",
      paramLabel = "FILE",
      description = "Trust the CA certificates (PEM) in FILE, e.g. a server's self-signed one.")
  Path ca;

  @Option(
      names = "--insecure",
      description = "Do not verify the server's certificate (chain, expiry, name); warns.")
  boolean insecure;

  @Option(
      names = "--sni",
      paramLabel = "NAME",
      description = "The server name to send (SNI) and check the certificate against.")
  String sni;

  @Option(
      names = "--client-cert",
      paramLabel = "FILE",
      description = "Mutual TLS: our certificate (PEM).")
  Path clientCert;

  @Option(names = "--client-key", paramLabel = "FILE", description = "Its private key (PEM).")
  Path clientKey;

  /** Whether any of these options is given. */
  public boolean given() {
    return ca != null || insecure || sni != null || clientCert != null || clientKey != null;
  }

  /** The TLS settings of these options. Throws {@link CliFailure} (usage). */
  public TlsConfig tlsConfig() {
    if (insecure && ca != null) {
      throw CliFailure.usage("--insecure skips what --ca is for; use one of them");
    }
    if ((clientCert == null) != (clientKey == null)) {
      throw CliFailure.usage(
          clientCert == null
              ? "--client-key needs its --client-cert FILE"
              : "--client-cert needs its --client-key FILE");
    }
    return CliFailure.usageIfInvalid(
        () -> {
          TlsConfig config =
              TlsConfig.client().withTrustedCa(ca).withInsecure(insecure).withServerName(sni);
          return clientCert == null ? config : config.withCertificate(clientCert, clientKey);
        });
  }

  /** Whether {@code --insecure} is on: the command prints its warning first. */
  public boolean insecure() {
    return insecure;
  }
}
