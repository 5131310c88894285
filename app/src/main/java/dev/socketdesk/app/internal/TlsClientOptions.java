package dev.socketdesk.app.internal;

import dev.socketdesk.core.script.ScriptRecorder;
import dev.socketdesk.engine.SessionException;
import dev.socketdesk.engine.TlsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** TLS options of a client command ({@code tcp-client}, {@code ws-client}). A picocli mixin. */
@Command(addMethodSubcommands = false)
public final class TlsClientOptions extends TlsVerifyOptions {
  @Option(
      names = "--tls",
      description = "Speak TLS; the server is verified with the system's trust store or --ca.")
  boolean tls;

  /** The TLS settings, or null without TLS; {@code implied} turns TLS on (a wss:// URL). */
  public TlsConfig config(boolean implied) {
    boolean on = tls || implied;
    if (!on) {
      if (given()) {
        throw CliFailure.usage(
            "--ca, --insecure, --sni, --client-cert and --client-key are TLS options; add --tls");
      }
      return null;
    }
    return tlsConfig();
  }

  /**
   * {@code recorder} with these options written beside its link, when TLS is on ({@code --tls} or
   * {@code implied} by a wss:// URL); the sni and client certificate are left for the user to add.
   */
  public ScriptRecorder recorded(ScriptRecorder recorder, boolean implied) {
    if (!tls && !implied) {
      return recorder;
    }
    return insecure || ca != null
        ? recorder.withTls(insecure, ca)
        : implied ? recorder : recorder.withTls(false, null);
  }

  /**
   * A TLS failure of the connection in the command line's words: the engine's cause, then the
   * options that fix it; other failures unchanged.
   */
  public static String reword(SessionException e, String message) {
    String fix =
        switch (e.kind()) {
          case TLS_UNTRUSTED ->
              "trust its CA with --ca FILE (for a self-signed server, its certificate), or skip"
                  + " the check with --insecure";
          case TLS_EXPIRED -> "renew the certificate, or skip the check with --insecure";
          case TLS_NAME_MISMATCH ->
              "connect by a name the certificate holds, or check another name with --sni NAME";
          case TLS_NOT_TLS -> "leave out --tls, or connect to the server's TLS port";
          case TLS_EXPECTED ->
              message.contains("open this server")
                  ? "open the server with --tls"
                  : "connect with --tls (with --ca FILE or --insecure for a self-signed server)";
          case TLS_REJECTED ->
              e.getMessage().contains("requires a client certificate")
                  ? "give one with --client-cert FILE --client-key FILE"
                  : null;
          default -> null;
        };
    int cut = message.lastIndexOf("; ");
    return fix == null || cut < 0 ? message : message.substring(0, cut) + "; " + fix;
  }

  /**
   * An error event's line in the command line's words, by the code of its failure (see {@link
   * #reword}); a line without a code, or with another, unchanged.
   */
  public static String rewordEvent(String code, String message) {
    if (code != null) {
      for (SessionException.Kind kind : SessionException.Kind.values()) {
        if (SessionException.code(kind).equals(code)) {
          return reword(new SessionException(kind, message), message);
        }
      }
    }
    return message;
  }
}
