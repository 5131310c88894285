package dev.socketdesk.core.spec;

import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.ReplyRule;
import dev.socketdesk.engine.codec.SendFormat;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Automatic answers. JSON: {@code {"echo": true, "echoPrefix": "I got:", "encoding": "UTF-8",
 * "rules": [{"match": "ping", "response": "pong"}]}}.
 *
 * @param echo send every received chunk back.
 * @param echoPrefix text (with escapes) put before each echo.
 * @param encoding the charset of the prefix, the rules' regexes and their text responses.
 * @param rules reply rules, at most {@value #MAX_RULES}, tried in order.
 */
public record AutoActionsSpec(
    Boolean echo, String echoPrefix, Charset encoding, List<ReplyRuleSpec> rules) {
  public static final int MAX_RULES = 1000;

  public AutoActionsSpec {
    echo = Specs.flag(echo);
    echoPrefix = echoPrefix == null ? "" : echoPrefix;
    encoding = encoding == null ? StandardCharsets.UTF_8 : encoding;
    rules = rules == null ? List.of() : rules;
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i) == null) {
        throw SpecException.of("rules[" + i + "]", "must be an object, not null");
      }
    }
    rules = List.copyOf(rules);
    if (rules.size() > MAX_RULES) {
      throw SpecException.of("rules", "has " + rules.size() + " rules; use at most " + MAX_RULES);
    }
    SendSpec.encode("echoPrefix", SendFormat.text(encoding), echoPrefix);
  }

  /** The engine's automatic actions. */
  public AutoActions actions() {
    SendFormat text = SendFormat.text(encoding);
    List<ReplyRule> list = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      try {
        list.add(rules.get(i).rule(text));
      } catch (SpecException e) {
        throw e.under("rules[" + i + "]");
      }
    }
    return new AutoActions(echo, SendSpec.encode("echoPrefix", text, echoPrefix), list);
  }
}
