package dev.socketdesk.engine.internal.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reading and describing X.509 certificates, in the words the log uses. */
public final class Certificates {
  private Certificates() {}

  /** The certificates of a PEM (or DER) file, leaf first. */
  public static List<X509Certificate> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> all = new ArrayList<>();
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        all.add((X509Certificate) c);
      }
      if (all.isEmpty()) {
        throw new IOException("no certificate in it");
      }
      return all;
    } catch (CertificateException e) {
      throw new IOException("not a PEM certificate (" + e.getMessage() + ")", e);
    }
  }

  /** The SHA-256 fingerprint of the certificate's DER form: {@code AB:CD:...}. */
  public static String fingerprint(X509Certificate certificate) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("SHA-256 of a certificate: " + e.getMessage(), e);
    }
  }

  /** Subject and expiry: {@code CN=board.example, expires 2027-03-01}. */
  public static String subjectAndExpiry(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName()
        + ", expires "
        + LocalDate.ofInstant(certificate.getNotAfter().toInstant(), ZoneOffset.UTC);
  }

  /** The names and addresses a certificate is for (its subject alternative names). */
  public static List<String> names(X509Certificate certificate) {
    List<String> names = new ArrayList<>();
    try {
      if (certificate.getSubjectAlternativeNames() != null) {
        for (List<?> entry : certificate.getSubjectAlternativeNames()) {
          names.add(String.valueOf(entry.get(1)));
        }
      }
    } catch (CertificateException e) {
      // Described without names, then.
    }
    return names;
  }

  /** Makes a new file readable and writable by its owner only, where the system supports it. */
  static void ownerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Windows: the file inherits the profile directory's permissions.
    }
  }
}
