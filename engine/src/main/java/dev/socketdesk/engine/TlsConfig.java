package dev.socketdesk.engine;

import java.nio.file.Path;
import java.util.List;

/**
 * TLS on a connection-oriented session, server or client side. The shared handlers (counters,
 * capture, automatic answers) see the plaintext: a capture records the application bytes, not the
 * TLS records.
 *
 * @param certificate our own certificate chain (PEM): a server's certificate, or a client's for
 *     mutual TLS; null for none (a server then uses a generated one, see {@code generatedDir}).
 * @param privateKey the private key (PEM) of {@code certificate}; given exactly when it is.
 * @param trustedCa the CA certificates (PEM) to verify the peer with: a client verifies the server
 *     with the system's trust store when null; a server verifies client certificates with it.
 * @param insecure a client does not verify the server's certificate chain or host name.
 * @param serverName a client sends this name (SNI) and checks the certificate against it; null for
 *     the host it connects to.
 * @param requireClientCert a server refuses clients without a certificate signed by {@code
 *     trustedCa}.
 * @param generatedDir where a server without a certificate keeps the one it generates once.
 * @param protocols the protocol versions to offer, e.g. {@code TLSv1.2}; empty for the defaults.
 */
public record TlsConfig(
    Path certificate,
    Path privateKey,
    Path trustedCa,
    boolean insecure,
    String serverName,
    boolean requireClientCert,
    Path generatedDir,
    List<String> protocols) {

  public TlsConfig {
    if ((certificate == null) != (privateKey == null)) {
      throw new IllegalArgumentException(
          certificate == null
              ? "a private key was given without its certificate; give both"
              : "a certificate was given without its private key; give both");
    }
    if (requireClientCert && trustedCa == null) {
      throw new IllegalArgumentException(
          "requiring client certificates needs the CA that signs them; give the CA file");
    }
    if (insecure && trustedCa != null) {
      throw new IllegalArgumentException(
          "a CA to verify with and skipping verification exclude each other; choose one");
    }
    if (serverName != null && (serverName.isBlank() || serverName.length() > 253)) {
      throw new IllegalArgumentException(
          "server name '" + serverName + "' is not a host name; use e.g. device.example.com");
    }
    protocols = protocols == null ? List.of() : List.copyOf(protocols);
  }

  /** A client that verifies the server with the system's trust store. */
  public static TlsConfig client() {
    return new TlsConfig(null, null, null, false, null, false, null, List.of());
  }

  /** A server with this certificate and key (PEM files). */
  public static TlsConfig server(Path certificate, Path privateKey) {
    return new TlsConfig(certificate, privateKey, null, false, null, false, null, List.of());
  }

  /**
   * A server with a self-signed certificate for this machine's names and addresses, generated once
   * into {@code dir} and reused.
   */
  public static TlsConfig generatedServer(Path dir) {
    return new TlsConfig(null, null, null, false, null, false, dir, List.of());
  }

  public TlsConfig withTrustedCa(Path ca) {
    return new TlsConfig(
        certificate,
        privateKey,
        ca,
        insecure,
        serverName,
        requireClientCert,
        generatedDir,
        protocols);
  }

  public TlsConfig withInsecure(boolean insecure) {
    return new TlsConfig(
        certificate,
        privateKey,
        trustedCa,
        insecure,
        serverName,
        requireClientCert,
        generatedDir,
        protocols);
  }

  public TlsConfig withServerName(String name) {
    return new TlsConfig(
        certificate,
        privateKey,
        trustedCa,
        insecure,
        name,
        requireClientCert,
        generatedDir,
        protocols);
  }

  /** Our own certificate and key: a client's for mutual TLS. */
  public TlsConfig withCertificate(Path certificate, Path privateKey) {
    return new TlsConfig(
        certificate,
        privateKey,
        trustedCa,
        insecure,
        serverName,
        requireClientCert,
        generatedDir,
        protocols);
  }

  public TlsConfig withRequireClientCert(boolean require) {
    return new TlsConfig(
        certificate, privateKey, trustedCa, insecure, serverName, require, generatedDir, protocols);
  }

  public TlsConfig withProtocols(List<String> protocols) {
    return new TlsConfig(
        certificate,
        privateKey,
        trustedCa,
        insecure,
        serverName,
        requireClientCert,
        generatedDir,
        protocols);
  }
}
