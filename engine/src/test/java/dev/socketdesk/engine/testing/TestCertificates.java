package dev.socketdesk.engine.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Certificates for TLS tests, made with BouncyCastle into a directory: a test CA, and leaf
 * certificates it signs (valid, expired, for another name), each as PEM files.
 */
public final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  /** A certificate file and its private key file. */
  public record Pair(Path cert, Path key) {}

  private final Path dir;
  private final KeyPair caKeys;
  private final X509Certificate ca;
  private final Path caFile;

  /** A new CA named {@code name}, written to {@code dir/name-ca.crt}. */
  public TestCertificates(Path dir, String name) {
    this.dir = dir;
    try {
      caKeys = keys();
      X500Name subject = new X500Name("CN=" + name + " Test CA");
      Instant now = Instant.now();
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              subject,
              serial(),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(Duration.ofDays(30))),
              subject,
              caKeys.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
      ca = sign(b);
      caFile = write(name + "-ca.crt", pem(ca));
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw new IllegalStateException("test CA: " + e.getMessage(), e);
    }
  }

  /** The CA certificate file. */
  public Path caFile() {
    return caFile;
  }

  /** A certificate for {@code localhost} and 127.0.0.1, valid for a month. */
  public Pair leaf(String file) {
    Instant now = Instant.now();
    return leaf(file, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), "localhost");
  }

  /** A certificate for {@code localhost} and 127.0.0.1 that expired yesterday. */
  public Pair expired(String file) {
    Instant now = Instant.now();
    return leaf(file, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)), "localhost");
  }

  /** A valid certificate for {@code dnsName} only (no address). */
  public Pair forName(String file, String dnsName) {
    Instant now = Instant.now();
    return leaf(file, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), dnsName);
  }

  private Pair leaf(String file, Instant from, Instant to, String dnsName) {
    try {
      KeyPair keys = keys();
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              ca.getSubjectX500Principal(),
              serial(),
              Date.from(from),
              Date.from(to),
              new javax.security.auth.x500.X500Principal("CN=" + dnsName),
              keys.getPublic());
      GeneralName[] names =
          "localhost".equals(dnsName)
              ? new GeneralName[] {
                new GeneralName(GeneralName.dNSName, dnsName),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1")
              }
              : new GeneralName[] {new GeneralName(GeneralName.dNSName, dnsName)};
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      X509Certificate cert = sign(b);
      Path certFile = write(file + ".crt", pem(cert));
      Path keyFile =
          write(file + ".key", pem(new PemObject("PRIVATE KEY", keys.getPrivate().getEncoded())));
      return new Pair(certFile, keyFile);
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      throw new IllegalStateException("test certificate: " + e.getMessage(), e);
    }
  }

  private X509Certificate sign(X509v3CertificateBuilder builder) throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
    } catch (org.bouncycastle.operator.OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static KeyPair keys() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static BigInteger serial() {
    return BigInteger.valueOf(SERIAL.incrementAndGet());
  }

  private static String pem(Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(text)) {
      w.writeObject(object);
    }
    return text.toString();
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.US_ASCII);
    return file;
  }
}
