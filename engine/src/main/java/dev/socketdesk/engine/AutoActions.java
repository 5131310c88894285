package dev.socketdesk.engine;

import java.util.List;

/**
 * Automatic answers to received data. Applied per peer, on the network thread, so they keep up at
 * full speed.
 *
 * @param echo send every received chunk back to its sender.
 * @param echoPrefix bytes put before each echoed chunk, e.g. {@code I got:}; empty for none.
 * @param replyRules rules tried on every peer's received stream.
 */
public record AutoActions(boolean echo, byte[] echoPrefix, List<ReplyRule> replyRules) {
  public static final AutoActions NONE = new AutoActions(false, new byte[0], List.of());

  public AutoActions {
    echoPrefix = echoPrefix == null ? new byte[0] : echoPrefix.clone();
    replyRules = List.copyOf(replyRules == null ? List.of() : replyRules);
  }

  /** Echo with the given prefix. */
  public static AutoActions echo(byte[] prefix) {
    return new AutoActions(true, prefix, List.of());
  }

  public AutoActions withEcho(boolean echo, byte[] prefix) {
    return new AutoActions(echo, prefix, replyRules);
  }

  public AutoActions withReplyRules(List<ReplyRule> rules) {
    return new AutoActions(echo, echoPrefix, rules);
  }

  @Override
  public byte[] echoPrefix() {
    return echoPrefix.clone();
  }

  /** True when nothing is automatic. */
  public boolean isNone() {
    return !echo && replyRules.isEmpty();
  }
}
