package dev.socketdesk.core.script.internal;

import dev.socketdesk.core.script.Location;
import dev.socketdesk.core.script.ScriptException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code ${name}} in script texts: finding, checking and filling them in. {@code $${} is a literal
 * {@code ${}. Names are letters, digits, {@code _ . -}, starting with a letter or {@code _}.
 */
public final class VarCheck {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private VarCheck() {}

  /** The names used in {@code text}, in order; throws for a malformed reference. */
  public static List<String> names(String text, YamlNode where) {
    List<String> names = new ArrayList<>();
    expand(
        text,
        name -> {
          names.add(name);
          return "";
        },
        where);
    return names;
  }

  /**
   * Whether {@code text} holds a {@code ${...}} or a placeholder, so it can only be checked later.
   */
  public static boolean isTemplate(String text) {
    return text.contains("${") || Placeholders.has(text);
  }

  /** {@code text} with each {@code ${name}} replaced by {@code values.apply(name)}. */
  public static String expand(String text, Function<String, String> values, YamlNode where) {
    int dollar = text.indexOf("${");
    if (dollar < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    int from = 0;
    while (dollar >= 0) {
      if (dollar > 0 && text.charAt(dollar - 1) == '$') {
        out.append(text, from, dollar - 1).append("${");
        from = dollar + 2;
        dollar = text.indexOf("${", from);
        continue;
      }
      int close = text.indexOf('}', dollar + 2);
      String name = close < 0 ? null : text.substring(dollar + 2, close);
      if (name == null || !NAME.matcher(name).matches()) {
        throw new ScriptException(
            at(where, dollar),
            "'"
                + text.substring(dollar, close < 0 ? text.length() : close + 1)
                + "' is not a variable reference; write ${name} (letters, digits, _ . -), or $${"
                + " for a literal ${");
      }
      out.append(text, from, dollar).append(values.apply(name));
      from = close + 1;
      dollar = text.indexOf("${", from);
    }
    return out.append(text, from, text.length()).toString();
  }

  /** Fills in {@code vars}; a name missing at run time (a set from a skipped branch) is empty. */
  public static String fill(String text, Map<String, String> vars) {
    if (text.indexOf("${") < 0) {
      return text;
    }
    return expand(text, name -> vars.getOrDefault(name, ""), null);
  }

  /** The error for a name used before anything sets it. */
  public static ScriptException undefined(String name, YamlNode where, String text) {
    int index = text == null ? -1 : text.indexOf("${" + name + "}");
    return new ScriptException(
        at(where, Math.max(index, 0)),
        "${"
            + name
            + "} is not defined here; set it in vars:, with a set: step or --var, or name a group"
            + " (?<"
            + name
            + ">...) in an earlier expect-regex");
  }

  private static Location at(YamlNode where, int offset) {
    if (where == null) {
      return new Location("script", 1, 1);
    }
    if (where instanceof YamlNode.Scalar s && s.text() != null && s.text().indexOf('\n') < 0) {
      return Values.within(s, offset);
    }
    return where.location();
  }
}
