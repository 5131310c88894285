package dev.socketdesk.engine.internal.pipeline;

import io.netty.channel.ChannelPipeline;

/**
 * Assembles a session's pipeline behind whatever opened the channel (a TCP connection, a UDP
 * socket). The handlers, by role, from the socket inwards:
 *
 * <ol>
 *   <li>{@code lifecycle} (connections only): {@link PeerLifecycleHandler};
 *   <li>{@code grouping}: {@link MessageGroupingHandler}, byte streams into messages;
 *   <li>{@code accounting}: {@link TrafficAccountingHandler}, shared by the session's channels;
 *   <li>{@code backpressure}: {@link BackpressureHandler};
 *   <li>{@code auto-reply}: {@link AutoReplyHandler}, shared, last.
 * </ol>
 *
 * A capture handler ({@code CaptureHandlers}), while the session captures, goes before all of them,
 * at the socket. A relayed channel (a forward's target) has none of these, but may have an {@code
 * edit} handler ({@link TrafficEditHandler}) that rewrites or drops what it relays.
 */
public final class SessionHandlers {
  public static final String LIFECYCLE = "lifecycle";
  public static final String GROUPING = "grouping";
  public static final String ACCOUNTING = "accounting";
  public static final String BACKPRESSURE = "backpressure";
  public static final String AUTO_REPLY = "auto-reply";
  public static final String EDIT = "edit";

  private final PipelineSession session;
  private final PeerAddressing addressing;
  private final TrafficAccountingHandler accounting;
  private final AutoReplyHandler autoReply;

  public SessionHandlers(PipelineSession session, PeerAddressing addressing) {
    this.session = session;
    this.addressing = addressing;
    this.accounting = new TrafficAccountingHandler(session, addressing);
    this.autoReply = new AutoReplyHandler(session, addressing);
  }

  /** The session the handlers serve. */
  public PipelineSession session() {
    return session;
  }

  /**
   * Adds the session's handlers at the end of {@code pipeline}. {@code acceptedAs} is the peer id a
   * connection was accepted as, or 0 to take the next one (and ignored for datagrams).
   */
  public void install(ChannelPipeline pipeline, int acceptedAs) {
    install(pipeline, acceptedAs, 0);
  }

  /**
   * As {@link #install(ChannelPipeline, int)}, behind a {@link HandshakeGate} that waits for {@code
   * handshakeStages} handshakes of the transport (TLS, a WebSocket upgrade) when there are any.
   */
  public void install(ChannelPipeline pipeline, int acceptedAs, int handshakeStages) {
    if (handshakeStages > 0) {
      pipeline.addLast(HandshakeGate.NAME, new HandshakeGate(session, handshakeStages));
    }
    if (addressing.isConnection()) {
      pipeline.addLast(LIFECYCLE, new PeerLifecycleHandler(session, acceptedAs));
    }
    pipeline.addLast(GROUPING, new MessageGroupingHandler(session));
    pipeline.addLast(ACCOUNTING, accounting);
    pipeline.addLast(BACKPRESSURE, new BackpressureHandler(session.events(), !session.relays()));
    pipeline.addLast(AUTO_REPLY, autoReply);
  }
}
