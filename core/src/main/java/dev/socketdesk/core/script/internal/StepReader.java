package dev.socketdesk.core.script.internal;

import dev.socketdesk.core.script.Link;
import dev.socketdesk.core.script.Location;
import dev.socketdesk.core.script.ScriptException;
import dev.socketdesk.core.script.Step;
import dev.socketdesk.engine.codec.Charsets;
import dev.socketdesk.engine.codec.Checksum;
import dev.socketdesk.engine.codec.Escapes;
import dev.socketdesk.engine.codec.Hex;
import dev.socketdesk.engine.codec.LineEnding;
import dev.socketdesk.engine.codec.PayloadFormatException;
import dev.socketdesk.engine.simulate.Profile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads steps in order, tracking which variables are defined at each point, so that a {@code
 * ${var}} used before anything sets it is reported where it is written.
 */
final class StepReader {
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
  private static final Map<String, Set<String>> OPTIONS =
      Map.ofEntries(
          Map.entry("send", Set.of("on", "checksum", "line-ending", "encoding")),
          Map.entry("send-hex", Set.of("on", "checksum", "line-ending")),
          Map.entry("expect", Set.of("on", "timeout", "encoding")),
          Map.entry("expect-regex", Set.of("on", "timeout", "encoding")),
          Map.entry("expect-hex", Set.of("on", "timeout", "checksum")),
          Map.entry("expect-none", Set.of("on", "within", "encoding")),
          Map.entry("expect-close", Set.of("on", "timeout")),
          Map.entry("close", Set.of("on")),
          Map.entry("wait", Set.of()),
          Map.entry("repeat", Set.of("steps")),
          Map.entry("set", Set.of()),
          Map.entry(
              "simulate",
              Set.of("on", "port", "to", "as", "greeting", "prefix", "reply", "send", "every")));

  /** Each step's options, for the test that keeps docs/script.schema.json complete. */
  static final Map<String, Set<String>> OPTIONS_FOR_DOCS = OPTIONS;

  private final Set<String> links;
  private final Map<String, Link> linkKinds;
  private final Set<String> defined;
  private final Set<String> everDefined;

  StepReader(Map<String, Link> links, Set<String> defined) {
    this.links = links.keySet();
    this.linkKinds = links;
    this.defined = new LinkedHashSet<>(defined);
    this.everDefined = new LinkedHashSet<>(defined);
  }

  /** Every variable some step defines, wherever it is; links may use these. */
  Set<String> everDefined() {
    return everDefined;
  }

  List<Step> list(YamlNode.Sequence seq) {
    List<Step> steps = new ArrayList<>();
    for (YamlNode item : seq.items()) {
      steps.add(step(item));
    }
    return steps;
  }

  private Step step(YamlNode item) {
    YamlNode.Mapping m;
    String kind;
    if (item instanceof YamlNode.Scalar s && s.text() != null) {
      kind = s.text().strip();
      if (!kind.equals("close") && !kind.equals("expect-close")) {
        throw unknownOrValueless(kind, s.location());
      }
      m = new YamlNode.Mapping(Map.of(), Map.of(), s.location());
    } else if (item instanceof YamlNode.Mapping map && !map.values().isEmpty()) {
      m = map;
      kind = kindOf(map);
    } else {
      throw new ScriptException(
          item.location(), "a step is a mapping such as '- send: hello', not " + item.kind());
    }
    for (Map.Entry<String, Location> key : m.keys().entrySet()) {
      if (!key.getKey().equals(kind) && !OPTIONS.get(kind).contains(key.getKey())) {
        throw new ScriptException(
            key.getValue(),
            "'"
                + key.getKey()
                + "' is not an option of "
                + kind
                + (OPTIONS.get(kind).isEmpty()
                    ? "; it takes none"
                    : "; use " + String.join(", ", OPTIONS.get(kind).stream().sorted().toList())));
      }
    }
    YamlNode value = m.values().get(kind);
    Location at = m.keys().getOrDefault(kind, m.location());
    return switch (kind) {
      case "send", "send-hex" -> send(m, value, kind.equals("send-hex"), at);
      case "expect" -> expect(m, value, Step.Kind.TEXT, at);
      case "expect-regex" -> expect(m, value, Step.Kind.REGEX, at);
      case "expect-hex" -> expect(m, value, Step.Kind.HEX, at);
      case "expect-none" -> {
        String pattern = pattern(value, "expect-none", Step.Kind.REGEX, null);
        YamlNode within = m.values().get("within");
        if (within == null) {
          throw new ScriptException(at, "expect-none needs a window; add within: 2s");
        }
        yield new Step.ExpectNone(
            link(m, at), pattern, charset(m), Values.duration(within, "within", false), at);
      }
      case "expect-close" -> new Step.ExpectClose(linkOrValue(m, value, at), timeout(m), at);
      case "close" -> new Step.Close(linkOrValue(m, value, at), at);
      case "wait" -> new Step.Wait(Values.duration(value, "wait", true), at);
      case "repeat" -> repeat(m, value, at);
      case "set" -> set(value, at);
      default -> simulate(m, value, at);
    };
  }

  private String kindOf(YamlNode.Mapping m) {
    List<String> kinds = m.values().keySet().stream().filter(OPTIONS::containsKey).toList();
    if (kinds.contains("simulate")) {
      return "simulate"; // its payload option is called send
    }
    if (kinds.size() > 1) {
      throw new ScriptException(
          m.keys().get(kinds.get(1)),
          "two steps in one item ("
              + kinds.get(0)
              + " and "
              + kinds.get(1)
              + "); start each step with its own '-'");
    }
    if (kinds.isEmpty()) {
      String first = m.values().keySet().iterator().next();
      throw unknownOrValueless(first, m.keys().get(first));
    }
    return kinds.get(0);
  }

  private static ScriptException unknownOrValueless(String name, Location at) {
    if (OPTIONS.containsKey(name) && !name.equals("close") && !name.equals("expect-close")) {
      return new ScriptException(at, name + " needs a value, e.g. '- " + name + ": ...'");
    }
    return new ScriptException(
        at, "unknown step '" + name + "'; use " + String.join(", ", Step.NAMES));
  }

  private Step send(YamlNode.Mapping m, YamlNode value, boolean hex, Location at) {
    String payload = usable(value, hex ? "send-hex" : "send");
    Charset charset = charset(m);
    Checksum checksum = choice(m, "checksum", Checksum::parse, Checksum.NONE);
    LineEnding ending = choice(m, "line-ending", LineEnding::parse, LineEnding.NONE);
    if (!VarCheck.isTemplate(payload)) {
      try {
        if (hex) {
          Hex.parse(payload);
        } else {
          Escapes.encode(payload, charset);
        }
      } catch (PayloadFormatException e) {
        throw new ScriptException(at(value, e.position()), e.getMessage());
      }
    }
    return new Step.Send(link(m, at), payload, hex, charset, checksum, ending, at);
  }

  private Step expect(YamlNode.Mapping m, YamlNode value, Step.Kind kind, Location at) {
    String name = m.keys().keySet().stream().filter(OPTIONS::containsKey).findFirst().orElseThrow();
    Checksum checksum = choice(m, "checksum", Checksum::parse, Checksum.NONE);
    String pattern = pattern(value, name, kind, checksum);
    Step.Expect step =
        new Step.Expect(link(m, at), kind, pattern, charset(m), checksum, timeout(m), at);
    if (kind == Step.Kind.REGEX) {
      var groups = GROUP_NAME.matcher(pattern);
      while (groups.find()) {
        defined.add(groups.group(1));
        everDefined.add(groups.group(1));
      }
    }
    return step;
  }

  /** A pattern, checked now when it holds no variables. */
  private String pattern(YamlNode value, String name, Step.Kind kind, Checksum checksum) {
    String pattern = usable(value, name);
    if (VarCheck.isTemplate(pattern) && kind != Step.Kind.REGEX) {
      return pattern;
    }
    String sample = Placeholders.fill(VarCheck.fill(pattern, Map.of()), 1, 1, 0);
    try {
      switch (kind) {
        case TEXT -> Escapes.encode(sample, StandardCharsets.UTF_8);
        case HEX -> HexPattern.parse(sample, checksum);
        case REGEX -> Pattern.compile(sample);
      }
    } catch (PayloadFormatException e) {
      throw new ScriptException(at(value, e.position()), name + ": " + e.getMessage());
    } catch (PatternSyntaxException e) {
      throw new ScriptException(
          at(value, Math.max(0, e.getIndex())),
          "bad regex "
              + Values.quote(pattern)
              + ": "
              + e.getDescription()
              + " at index "
              + e.getIndex()
              + "; escape literal ( ) [ ] { } . * + ? with \\ or fix the brackets");
    }
    return pattern;
  }

  private Step repeat(YamlNode.Mapping m, YamlNode value, Location at) {
    int count = Values.number(value, "repeat", 1, 100_000_000);
    if (!(m.values().get("steps") instanceof YamlNode.Sequence nested)
        || nested.items().isEmpty()) {
      throw new ScriptException(at, "repeat needs steps: with a list of steps to repeat");
    }
    return new Step.Repeat(count, list(nested), at);
  }

  private Step set(YamlNode value, Location at) {
    if (!(value instanceof YamlNode.Mapping m) || m.values().isEmpty()) {
      throw new ScriptException(at, "set needs name: value pairs, e.g. set: {greeting: hello}");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> e : m.values().entrySet()) {
      values.put(e.getKey(), usable(e.getValue(), "set." + e.getKey()));
    }
    defined.addAll(values.keySet());
    everDefined.addAll(values.keySet());
    return new Step.Set(values, at);
  }

  private Step simulate(YamlNode.Mapping m, YamlNode value, Location at) {
    String profileName = Values.text(value, "simulate");
    Profile profile;
    try {
      profile = Profile.parse(profileName);
    } catch (IllegalArgumentException e) {
      throw new ScriptException(value.location(), "simulate: " + e.getMessage());
    }
    String as = m.values().containsKey("as") ? Values.text(m.values().get("as"), "as") : "sim";
    Map<String, String> options = new LinkedHashMap<>();
    for (String key : List.of("greeting", "prefix", "reply", "send", "every")) {
      if (m.values().containsKey(key)) {
        options.put(key, usable(m.values().get(key), key));
      }
    }
    if (options.containsKey("every")) {
      Values.duration(m.values().get("every"), "every", true);
    }
    String port = m.values().containsKey("port") ? usable(m.values().get("port"), "port") : "0";
    String to = m.values().containsKey("to") ? usable(m.values().get("to"), "to") : null;
    String link = null;
    if (!profile.isServer() && to == null) {
      link = link(m, at);
    }
    SimulateLink.check(profile, link, link == null ? null : linkKinds.get(link), value.location());
    if (profile.isServer()) {
      defined.add(as + ".port");
      defined.add(as + ".address");
      everDefined.add(as + ".port");
      everDefined.add(as + ".address");
    }
    return new Step.Simulate(profile.cliName(), link, port, to, as, options, at);
  }

  /** A text whose variables are all defined at this point. */
  private String usable(YamlNode value, String what) {
    String text = Values.text(value, what);
    for (String name : VarCheck.names(text, value)) {
      if (!defined.contains(name)) {
        throw VarCheck.undefined(name, value, text);
      }
    }
    return text;
  }

  /** {@code - close: NAME} names the link as {@code on:} would. */
  private String linkOrValue(YamlNode.Mapping m, YamlNode value, Location at) {
    if (value instanceof YamlNode.Scalar s
        && s.text() != null
        && !s.text().isBlank()
        && !m.values().containsKey("on")) {
      return linkNamed(s);
    }
    return link(m, at);
  }

  private String link(YamlNode.Mapping m, Location at) {
    YamlNode on = m.values().get("on");
    if (on != null) {
      return linkNamed(on);
    }
    if (links.size() == 1) {
      return links.iterator().next();
    }
    if (links.isEmpty()) {
      throw new ScriptException(
          at,
          "this test has no link; add connect: HOST:PORT, listen: PORT, udp: {port, to}, ws: URL,"
              + " serial: {path, baud} or links: {NAME: {connect: HOST:PORT}, ...}");
    }
    throw new ScriptException(
        at, "this test has several links; add on: with one of " + String.join(", ", links));
  }

  private String linkNamed(YamlNode on) {
    String name = Values.text(on, "on");
    if (!links.contains(name)) {
      throw new ScriptException(
          on.location(),
          "on: '"
              + name
              + "' names no link of this test; "
              + (links.isEmpty()
                  ? "add links: {" + name + ": {connect: HOST:PORT}}"
                  : "use one of " + String.join(", ", links)));
    }
    return name;
  }

  private Duration timeout(YamlNode.Mapping m) {
    YamlNode t = m.values().get("timeout");
    return t == null ? DEFAULT_TIMEOUT : Values.duration(t, "timeout", false);
  }

  private static Charset charset(YamlNode.Mapping m) {
    return choice(m, "encoding", Charsets::forName, StandardCharsets.UTF_8);
  }

  private static <T> T choice(
      YamlNode.Mapping m, String key, java.util.function.Function<String, T> parse, T otherwise) {
    YamlNode node = m.values().get(key);
    if (node == null) {
      return otherwise;
    }
    try {
      return parse.apply(Values.text(node, key));
    } catch (IllegalArgumentException e) {
      throw new ScriptException(node.location(), key + ": " + e.getMessage());
    }
  }

  private static Location at(YamlNode value, int offset) {
    if (value instanceof YamlNode.Scalar s && s.text() != null && s.text().indexOf('\n') < 0) {
      return Values.within(s, Math.max(0, offset));
    }
    return value.location();
  }
}
