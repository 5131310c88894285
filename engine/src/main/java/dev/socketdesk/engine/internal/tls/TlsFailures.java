package dev.socketdesk.engine.internal.tls;

import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.SessionException.Kind;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import java.util.Map;

/**
 * A failed TLS handshake in one line: what went wrong, and the fix. The fix names no front end's
 * option; front ends may rephrase by {@link Kind}. The JDK reports most of these causes only in the
 * text of its exceptions, so that text is read here, and only here.
 */
public final class TlsFailures {
  private TlsFailures() {}

  /**
   * @param peer the other side, {@code host:port}.
   * @param client whether we are the client (and so verify the server).
   * @param expectedName the name a client checks the certificate against.
   */
  public static SessionException handshake(
      Throwable cause, String peer, boolean client, String expectedName) {
    if (cause instanceof SessionException e) {
      return e;
    }
    String all = chainText(cause);
    String detail = rootMessage(cause);
    if (has(cause, NotSslRecordException.class)) {
      return client
          ? failure(
              Kind.TLS_NOT_TLS,
              peer
                  + " does not speak TLS: it answered in plain TCP; connect without TLS, or to its"
                  + " TLS port",
              peer,
              client)
          : failure(
              Kind.TLS_NOT_TLS,
              "the client at "
                  + peer
                  + " speaks plain TCP, not TLS; connect it with TLS, or open this server without"
                  + " TLS",
              peer,
              client);
    }
    if (has(cause, SslHandshakeTimeoutException.class)) {
      return client
          ? failure(
              Kind.TLS_NOT_TLS,
              "no TLS answer from "
                  + peer
                  + " within 10 s: it may be a plain TCP server waiting for data; connect without"
                  + " TLS, or to its TLS port",
              peer,
              client)
          : failure(
              Kind.TLS_NOT_TLS,
              "the client at "
                  + peer
                  + " started no TLS handshake within 10 s: it may speak plain TCP and wait for us;"
                  + " connect it with TLS",
              peer,
              client);
    }
    String side = client ? "the certificate of " + peer : "the client certificate of " + peer;
    if (expired(cause) || all.contains("certificate_expired")) {
      boolean ours = all.contains("certificate_expired");
      return failure(
          Kind.TLS_EXPIRED,
          ours
              ? peer + " refused our certificate as expired; renew it"
              : side + " has expired or is not valid yet; renew it, or check this machine's clock",
          peer,
          client);
    }
    if (all.contains("no subject alternative") || all.contains("no name matching")) {
      return failure(
          Kind.TLS_NAME_MISMATCH,
          "the certificate of "
              + peer
              + " is not for '"
              + expectedName
              + "' ("
              + detail
              + "); connect by a name the certificate holds, or set the server name to check",
          peer,
          client);
    }
    if (has(cause, CertPathBuilderException.class)
        || all.contains("unable to find valid certification path")) {
      return failure(
          Kind.TLS_UNTRUSTED,
          client
              ? side
                  + " is not signed by a CA we trust (self-signed, or a private CA); trust its CA"
                  + " file or skip verification"
              : side + " is not signed by the CA this server trusts; sign it with that CA",
          peer,
          client);
    }
    if (all.contains("empty client certificate chain") || all.contains("certificate_required")) {
      return failure(
          Kind.TLS_REJECTED,
          client
              ? peer + " requires a client certificate; give one signed by its CA"
              : "the client at "
                  + peer
                  + " sent no certificate, but this server requires one; give the client a"
                  + " certificate signed by the CA",
          peer,
          client);
    }
    for (String alert : new String[] {"unknown_ca", "bad_certificate", "certificate_unknown"}) {
      if (all.contains("alert: " + alert)) {
        return failure(
            Kind.TLS_REJECTED,
            (client ? "the server " + peer : "the client at " + peer)
                + " does not accept our certificate (alert "
                + alert
                + "); give it our CA, or the certificate's fingerprint to pin",
            peer,
            client);
      }
    }
    if (all.contains("no appropriate protocol")
        || all.contains("protocol_version")
        || all.contains("no cipher suites in common")
        || all.contains("handshake_failure")
        || all.contains("insufficient_security")
        || all.contains("is not enabled or supported")
        || all.contains("unsupported protocol")) {
      return failure(
          Kind.TLS_NO_COMMON,
          peer
              + " and we share no TLS version or cipher ("
              + detail
              + "); we offer TLS 1.2 and 1.3 with current ciphers, so update the other side's TLS"
              + " settings",
          peer,
          client);
    }
    if (has(cause, ClosedChannelException.class)) {
      return failure(
          Kind.TLS_NOT_TLS,
          client
              ? peer
                  + " closed the connection during the TLS handshake: it may not speak TLS on"
                  + " this port; connect without TLS, or to its TLS port"
              : "the client at "
                  + peer
                  + " closed the connection before the TLS handshake finished: it may speak plain"
                  + " TCP; connect it with TLS",
          peer,
          client);
    }
    return failure(
        Kind.TLS_OTHER, "TLS handshake with " + peer + " failed: " + detail, peer, client);
  }

  /**
   * A plain TCP connection received a TLS record first: the peer speaks TLS. {@code client}: we
   * made the connection; {@code alert}: the record is an alert (a TLS server refusing our plain
   * data) rather than a handshake (a client's ClientHello). Data keeps flowing; this is a hint.
   */
  public static SessionException peerSpeaksTls(String peer, boolean client, boolean alert) {
    String what = alert ? "a TLS alert" : "a TLS handshake record";
    return new SessionException(
        Kind.TLS_EXPECTED,
        client
            ? peer
                + " answered with "
                + what
                + " (the bytes above): it speaks TLS on this port; connect with TLS"
            : "the client at "
                + peer
                + " sent "
                + (alert ? what : "a TLS ClientHello")
                + " (the bytes above): it speaks TLS; open this server with TLS",
        Map.of("peer", peer, "side", client ? "client" : "server"));
  }

  /**
   * A failure with the parameters every TLS wording can name: {@code peer}, and {@code side}
   * ({@code client} or {@code server}: which side we are), for front ends that word each side.
   */
  private static SessionException failure(Kind kind, String message, String peer, boolean client) {
    return new SessionException(
        kind, message, Map.of("peer", peer, "side", client ? "client" : "server"));
  }

  private static boolean expired(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CertificateExpiredException
          || t instanceof CertificateNotYetValidException) {
        return true;
      }
      if (t instanceof CertPathValidatorException v
          && (v.getReason() == CertPathValidatorException.BasicReason.EXPIRED
              || v.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID)) {
        return true;
      }
    }
    return false;
  }

  private static boolean has(Throwable cause, Class<? extends Throwable> type) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String chainText(Throwable cause) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      all.append(t.getMessage()).append(' ');
    }
    return all.toString().toLowerCase(Locale.ROOT);
  }

  /** The innermost message, first line only. */
  private static String rootMessage(Throwable cause) {
    String message = null;
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
    }
    if (message == null) {
      return cause.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
