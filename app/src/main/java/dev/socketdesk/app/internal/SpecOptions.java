package dev.socketdesk.app.internal;

import dev.socketdesk.core.spec.SpecException;
import dev.socketdesk.engine.SessionException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds a core spec from a command's options. The spec's one validation names its fields as JSON
 * does; here each field becomes the option that sets it, and a failure is bad usage (exit code 2,
 * one line), e.g. {@code --max-clients -1 is out of range; use 0 to 1000000}.
 */
public final class SpecOptions {
  /** The option of each spec field, where every command spells it the same way. */
  private static final Map<String, String> OPTIONS =
      Map.ofEntries(
          Map.entry("localHost", "--bind"),
          Map.entry("bind", "--bind"),
          Map.entry("localPort", "--port"),
          Map.entry("port", "--port"),
          Map.entry("maxClients", "--max-clients"),
          Map.entry("backlog", "--backlog"),
          Map.entry("connectTimeoutS", "--connect-timeout"),
          Map.entry("reconnect", "--reconnect"),
          Map.entry("broadcast", "--broadcast"),
          Map.entry("multicast", "--join"),
          Map.entry("multicastInterface", "--interface"),
          Map.entry("target", "HOST:PORT"),
          Map.entry("count", "--count"),
          Map.entry("ramp", "--ramp"),
          Map.entry("intervalMs", "--interval"),
          Map.entry("durationS", "--duration"),
          Map.entry("messages", "--messages"),
          Map.entry("payloads", "--send"),
          Map.entry("greeting", "--greeting"),
          Map.entry("prefix", "--prefix"),
          Map.entry("reply", "--reply"),
          Map.entry("sensorFormat", "--format"),
          Map.entry("verifyEcho", "--verify-echo"),
          Map.entry("threads", "--threads"));

  /** The option of each setting a failure's advice names. */
  private static final Map<String, String> SETTINGS =
      Map.of("port", "--port", "connectTimeout", "--connect-timeout");

  private SpecOptions() {}

  /**
   * The engine's one wording of {@code failure}, its advice naming the option to change; a TLS
   * failure's advice names the TLS options that fix it.
   */
  public static String failure(SessionException failure) {
    return TlsClientOptions.reword(failure, failure.describe(SETTINGS::get));
  }

  /**
   * Builds a spec; a {@link SpecException} is bad usage naming the option of its field. {@code
   * remote} is how this command takes the remote address ({@code HOST:PORT} or {@code --to}).
   */
  public static <T> T build(Supplier<T> build, String remote) {
    try {
      return build.get();
    } catch (SpecException e) {
      String field = e.field();
      String option = "remote".equals(field) ? remote : OPTIONS.getOrDefault(field, field);
      throw CliFailure.usage(e.describe(option));
    } catch (IllegalArgumentException e) {
      throw CliFailure.usage(e.getMessage());
    }
  }
}
