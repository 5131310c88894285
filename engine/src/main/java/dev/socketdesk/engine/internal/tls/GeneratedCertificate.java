package dev.socketdesk.engine.internal.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The self-signed certificate a TLS server uses when given none: an ECDSA P-256 key and a
 * certificate for this machine's host name, {@code localhost} and its addresses, valid for ten
 * years. Generated once into a directory ({@value #CERT_FILE}, {@value #KEY_FILE}) and reused while
 * it is valid, so a board can pin its fingerprint. Uses BouncyCastle's builder only; the JDK's
 * providers do the cryptography.
 */
public final class GeneratedCertificate {
  static final String CERT_FILE = "tls-server.crt";
  static final String KEY_FILE = "tls-server.key";
  private static final Duration VALIDITY = Duration.ofDays(3650);

  private GeneratedCertificate() {}

  /** The certificate file in {@code dir}, generated there first unless a valid one exists. */
  public static synchronized Path ensure(Path dir) throws IOException {
    Path cert = dir.resolve(CERT_FILE);
    Path key = dir.resolve(KEY_FILE);
    if (Files.isRegularFile(cert) && Files.isRegularFile(key) && stillValid(cert)) {
      return cert;
    }
    Files.createDirectories(dir);
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair pair = generator.generateKeyPair();
      X509Certificate certificate = selfSigned(pair, localNames(), localAddresses());
      writeAtomically(key, pem(pair.getPrivate()), true);
      writeAtomically(cert, pem(certificate), false);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("cannot generate a certificate: " + e.getMessage(), e);
    }
    return cert;
  }

  /** The private key file next to {@code certificate}. */
  public static Path keyOf(Path certificate) {
    return certificate.resolveSibling(KEY_FILE);
  }

  private static boolean stillValid(Path cert) {
    try {
      X509Certificate c = Certificates.read(cert).get(0);
      return c.getNotAfter().toInstant().isAfter(Instant.now().plus(Duration.ofDays(1)));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static X509Certificate selfSigned(
      KeyPair pair, Set<String> names, Set<InetAddress> addresses)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    String host =
        names.stream().filter(n -> !n.equals("localhost")).findFirst().orElse("localhost");
    X500Name subject = new X500Name("CN=SocketDesk " + host.replace(",", "\\,"));
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
            Date.from(now.minus(Duration.ofDays(1))),
            Date.from(now.plus(VALIDITY)),
            subject,
            pair.getPublic());
    List<GeneralName> alt = new ArrayList<>();
    names.forEach(n -> alt.add(new GeneralName(GeneralName.dNSName, n)));
    addresses.forEach(
        a -> alt.add(new GeneralName(GeneralName.iPAddress, a.getHostAddress().split("%")[0])));
    builder.addExtension(
        Extension.subjectAlternativeName, false, new GeneralNames(alt.toArray(new GeneralName[0])));
    // Like `openssl req -x509`: a self-signed certificate that clients may also load as their CA.
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
    builder.addExtension(
        Extension.extendedKeyUsage,
        false,
        new ExtendedKeyUsage(
            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
    byte[] der =
        builder
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()))
            .getEncoded();
    return new JcaX509CertificateConverter()
        .getCertificate(new org.bouncycastle.cert.X509CertificateHolder(der));
  }

  /** {@code localhost}, the host name and {@code host.local}, without asking DNS. */
  static Set<String> localNames() {
    Set<String> names = new LinkedHashSet<>();
    String host = hostName();
    if (host != null) {
      names.add(host);
      if (!host.contains(".")) {
        names.add(host + ".local");
      }
    }
    names.add("localhost");
    return names;
  }

  private static String hostName() {
    for (String variable : List.of("COMPUTERNAME", "HOSTNAME")) {
      String value = System.getenv(variable);
      if (value != null && value.matches("[A-Za-z0-9.-]{1,253}")) {
        return value.toLowerCase(Locale.ROOT);
      }
    }
    try {
      String value = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
      return value.matches("[A-Za-z0-9.-]{1,253}") ? value.toLowerCase(Locale.ROOT) : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The addresses of this machine's interfaces that are up, loopback included. */
  static Set<InetAddress> localAddresses() {
    Set<InetAddress> addresses = new LinkedHashSet<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (nic.isUp()) {
          for (InetAddress a : Collections.list(nic.getInetAddresses())) {
            if (!(a instanceof Inet6Address && a.isLinkLocalAddress())) {
              addresses.add(a);
            }
          }
        }
      }
    } catch (SocketException e) {
      // Only the loopback addresses below, then.
    }
    addresses.add(InetAddress.getLoopbackAddress());
    return addresses;
  }

  private static String pem(Object object) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object instanceof java.security.PrivateKey key ? pkcs8(key) : object);
    }
    return text.toString();
  }

  /** A private key as PKCS#8 ({@code BEGIN PRIVATE KEY}), which every TLS library reads. */
  private static org.bouncycastle.util.io.pem.PemObject pkcs8(java.security.PrivateKey key) {
    return new org.bouncycastle.util.io.pem.PemObject("PRIVATE KEY", key.getEncoded());
  }

  private static void writeAtomically(Path target, String text, boolean secret) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try {
      if (secret) {
        Certificates.ownerOnly(temp);
      }
      Files.writeString(temp, text, StandardCharsets.US_ASCII);
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
