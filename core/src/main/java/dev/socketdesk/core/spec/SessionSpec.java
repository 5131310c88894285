package dev.socketdesk.core.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.engine.Session;

/**
 * What a session is: its kind ({@code type} in JSON and YAML) and its settings. A record per kind;
 * its canonical constructor fills the defaults and is the one validation of its fields, for every
 * front end (the CLI builds it from options, the HTTP API and test scripts through {@link
 * SessionSpecs}). A new kind of session is a new record, listed here and in {@link JsonSubTypes}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = TcpServerSpec.class, name = TcpServerSpec.TYPE),
  @JsonSubTypes.Type(value = TcpClientSpec.class, name = TcpClientSpec.TYPE),
  @JsonSubTypes.Type(value = UdpSpec.class, name = UdpSpec.TYPE),
  @JsonSubTypes.Type(value = SerialSpec.class, name = SerialSpec.TYPE),
  @JsonSubTypes.Type(value = ForwardSpec.class, name = ForwardSpec.TYPE),
  @JsonSubTypes.Type(value = WebSocketServerSpec.class, name = WebSocketServerSpec.TYPE),
  @JsonSubTypes.Type(value = WebSocketClientSpec.class, name = WebSocketClientSpec.TYPE)
})
public sealed interface SessionSpec
    permits TcpServerSpec,
        TcpClientSpec,
        UdpSpec,
        SerialSpec,
        ForwardSpec,
        WebSocketServerSpec,
        WebSocketClientSpec {
  /** The kind as JSON names it, e.g. {@code tcp-server}. */
  String type();

  /** A TCP client that keeps trying until it connects, whose tab exists before it has. */
  default boolean reconnects() {
    return false;
  }

  /** A new engine session of this spec, not yet open. */
  Session create(Engine engine, AutoActions actions);
}
