package dev.socketdesk.app.internal;

import dev.socketdesk.engine.TlsConfig;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * TLS options of {@code simulate}: client profiles verify the server ({@code --ca}) or skip it
 * ({@code --insecure}); tcp-echo-server has a certificate ({@code --cert --key}, or the generated
 * one). A picocli mixin.
 */
@Command(addMethodSubcommands = false)
public final class SimulateTlsOptions {
  @Option(
      names = "--tls",
      description =
          "Speak TLS: client profiles verify the server with --ca FILE or the system's trust store"
              + " (--insecure skips it); tcp-echo-server uses --cert/--key or the generated"
              + " certificate of tcp-server --tls.")
  boolean tls;

  @Option(names = "--ca", paramLabel = "FILE", description = "Client profiles: trust this CA.")
  Path ca;

  @Option(
      names = "--insecure",
      description = "Client profiles: do not verify the server's certificate.")
  boolean insecure;

  @Option(names = "--cert", paramLabel = "FILE", description = "tcp-echo-server: certificate.")
  Path cert;

  @Option(names = "--key", paramLabel = "FILE", description = "tcp-echo-server: private key.")
  Path key;

  /** The TLS settings for a server or client profile, or null without TLS. */
  public TlsConfig config(boolean server, boolean implied) {
    if (!tls && !implied) {
      if (ca != null || insecure || cert != null || key != null) {
        throw CliFailure.usage("--ca, --insecure, --cert and --key are TLS options; add --tls");
      }
      return null;
    }
    if (server) {
      if (ca != null || insecure) {
        throw CliFailure.usage("--ca and --insecure are for client profiles; a server uses --cert");
      }
      if ((cert == null) != (key == null)) {
        throw CliFailure.usage("--cert and --key go together; give both");
      }
      return TlsServerOptions.certificate(cert, key);
    }
    if (cert != null || key != null) {
      throw CliFailure.usage("--cert and --key are for tcp-echo-server");
    }
    if (insecure && ca != null) {
      throw CliFailure.usage("--insecure skips what --ca is for; use one of them");
    }
    return TlsConfig.client().withTrustedCa(ca).withInsecure(insecure);
  }
}
