package dev.socketdesk.core.script.internal;

import dev.socketdesk.core.script.Link;
import dev.socketdesk.core.script.Location;
import dev.socketdesk.core.script.ScriptException;
import dev.socketdesk.core.script.Step;
import dev.socketdesk.core.script.Suite;
import dev.socketdesk.core.script.TestCase;
import dev.socketdesk.engine.HostPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a script's YAML tree into a {@link Suite}, checking everything that can be checked early.
 */
public final class ScriptReader {
  static final Duration DEFAULT_ACCEPT_TIMEOUT = Duration.ofSeconds(30);
  private static final Set<String> SUITE_KEYS = Set.of("name", "tests", "vars");
  private static final Set<String> LINK_KEYS = Set.of("connect", "listen", "udp", "ws", "serial");
  private static final Set<String> TEST_KEYS =
      Set.of(
          "name",
          "connect",
          "listen",
          "udp",
          "ws",
          "serial",
          "tls",
          "links",
          "vars",
          "steps",
          "timeout",
          "accept-timeout",
          "bind");

  private final String file;
  private final Set<String> external;

  /**
   * @param external names of variables given from outside ({@code --var}), defined everywhere.
   */
  public ScriptReader(String file, Set<String> external) {
    this.file = file;
    this.external = Set.copyOf(external);
  }

  public Suite read(String text) {
    YamlNode root = YamlTree.parse(file, text);
    if (!(root instanceof YamlNode.Mapping top)) {
      throw new ScriptException(
          root.location(),
          "a script is a mapping with name, a link and steps (or tests:), not " + root.kind());
    }
    if (!top.values().containsKey("tests")) {
      TestCase test = test(top, Map.of());
      return new Suite(file, test.name(), List.of(test));
    }
    for (String key : top.values().keySet()) {
      if (!SUITE_KEYS.contains(key)) {
        throw new ScriptException(
            top.keys().get(key),
            "'"
                + key
                + "' does not belong beside tests:; move it into a test, or use name or vars");
      }
    }
    Map<String, String> suiteVars = vars(top.values().get("vars"));
    String name =
        top.values().containsKey("name") ? Values.text(top.values().get("name"), "name") : file;
    if (!(top.values().get("tests") instanceof YamlNode.Sequence list) || list.items().isEmpty()) {
      throw new ScriptException(
          top.values().get("tests").location(),
          "tests: needs a list of tests, each starting with '- name:'");
    }
    List<TestCase> tests = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (YamlNode item : list.items()) {
      if (!(item instanceof YamlNode.Mapping m)) {
        throw new ScriptException(
            item.location(),
            "each test is a mapping with name, a link and steps, not " + item.kind());
      }
      TestCase test = test(m, suiteVars);
      if (!names.add(test.name())) {
        throw new ScriptException(
            test.location(),
            "a second test is named '" + test.name() + "'; give each test its own name");
      }
      tests.add(test);
    }
    return new Suite(file, name, tests);
  }

  private TestCase test(YamlNode.Mapping m, Map<String, String> suiteVars) {
    for (Map.Entry<String, Location> key : m.keys().entrySet()) {
      if (!TEST_KEYS.contains(key.getKey())) {
        throw new ScriptException(
            key.getValue(),
            "unknown test key '"
                + key.getKey()
                + "'; use name, connect, listen, udp, serial, links, vars, steps or timeout");
      }
    }
    String name =
        m.values().containsKey("name") ? Values.text(m.values().get("name"), "name") : "test";
    Map<String, Link> links = links(m);
    Map<String, String> vars = new LinkedHashMap<>(suiteVars);
    vars.putAll(vars(m.values().get("vars")));
    Duration timeout =
        m.values().containsKey("timeout")
            ? Values.duration(m.values().get("timeout"), "timeout", false)
            : null;
    YamlNode stepsNode = m.values().get("steps");
    if (!(stepsNode instanceof YamlNode.Sequence seq)) {
      throw new ScriptException(
          stepsNode == null ? m.location() : stepsNode.location(),
          "test '" + name + "' has no steps; add steps: with a list such as '- send: hello'");
    }
    Set<String> defined = new LinkedHashSet<>(external);
    defined.addAll(vars.keySet());
    links.forEach(
        (linkName, link) -> {
          if (!(link instanceof Link.Connect)) {
            defined.add(linkName + ".port");
          }
        });
    StepReader steps = new StepReader(links.keySet(), defined);
    List<Step> list = steps.list(seq);
    checkLinkVars(m, links, steps.everDefined());
    return new TestCase(name, links, vars, list, timeout, m.location());
  }

  private Map<String, Link> links(YamlNode.Mapping m) {
    Map<String, Link> links = new LinkedHashMap<>();
    YamlNode named = m.values().get("links");
    for (String key : LINK_KEYS) {
      if (m.values().containsKey(key)) {
        if (!links.isEmpty() || named != null) {
          throw new ScriptException(
              m.keys().get(key),
              "a test has one link; for several, name them under links: {board: {connect: ...}, ...}");
        }
        links.put(TestCase.DEFAULT_LINK, link(key, m.values().get(key), m));
      }
    }
    if (named != null) {
      if (!(named instanceof YamlNode.Mapping map) || map.values().isEmpty()) {
        throw new ScriptException(
            named.location(),
            "links: needs names with a link each, e.g. board: {connect: HOST:PORT}");
      }
      for (Map.Entry<String, YamlNode> e : map.values().entrySet()) {
        if (!(e.getValue() instanceof YamlNode.Mapping one) || one.values().size() != 1) {
          throw new ScriptException(
              e.getValue().location(),
              "link '"
                  + e.getKey()
                  + "' needs exactly one of connect, listen or udp, e.g. {connect: HOST:PORT}");
        }
        String kind = one.values().keySet().iterator().next();
        if (!LINK_KEYS.contains(kind)) {
          throw new ScriptException(
              one.keys().get(kind),
              "unknown link '" + kind + "'; use connect, listen, udp or serial");
        }
        links.put(e.getKey(), link(kind, one.values().get(kind), one));
      }
    }
    return links;
  }

  private Link link(String kind, YamlNode value, YamlNode.Mapping owner) {
    Location at = owner.keys().get(kind);
    return switch (kind) {
      case "connect" -> {
        String address = Values.text(value, "connect");
        checkAddress(address, value, "connect");
        yield new Link.Connect(address, at);
      }
      case "listen" -> listen(value, owner, at);
      case "udp" -> udp(value, at);
      case "serial" -> serial(value, at);
      default ->
          throw new ScriptException(
              at,
              kind
                  + ": links are not yet supported by scripts; use connect, listen, udp or serial"
                  + " (and simulate for a board)");
    };
  }

  private Link listen(YamlNode value, YamlNode.Mapping owner, Location at) {
    String port;
    YamlNode portNode = value;
    String bind = null;
    YamlNode accept = owner.values().get("accept-timeout");
    if (value instanceof YamlNode.Mapping m) {
      portNode = m.values().get("port");
      port = portNode != null ? Values.text(portNode, "port") : null;
      if (m.values().containsKey("bind")) {
        bind = Values.text(m.values().get("bind"), "bind");
      }
      if (m.values().containsKey("accept-timeout")) {
        accept = m.values().get("accept-timeout");
      }
      for (Map.Entry<String, Location> key : m.keys().entrySet()) {
        if (!Set.of("port", "bind", "accept-timeout").contains(key.getKey())) {
          throw new ScriptException(
              key.getValue(),
              "unknown listen option '" + key.getKey() + "'; use port, bind or accept-timeout");
        }
      }
      if (port == null) {
        throw new ScriptException(at, "listen: needs a port, e.g. listen: {port: 10000}");
      }
    } else {
      port = Values.text(value, "listen");
      if (owner.values().containsKey("bind")) {
        bind = Values.text(owner.values().get("bind"), "bind");
      }
    }
    checkPort(port, portNode);
    Duration acceptTimeout =
        accept == null ? DEFAULT_ACCEPT_TIMEOUT : Values.duration(accept, "accept-timeout", false);
    return new Link.Listen(bind, port, acceptTimeout, at);
  }

  private Link udp(YamlNode value, Location at) {
    if (!(value instanceof YamlNode.Mapping m)) {
      throw new ScriptException(
          value.location(), "udp: needs {port, to}, e.g. udp: {port: 0, to: 192.168.4.1:5000}");
    }
    for (Map.Entry<String, Location> key : m.keys().entrySet()) {
      if (!Set.of("port", "to").contains(key.getKey())) {
        throw new ScriptException(
            key.getValue(), "unknown udp option '" + key.getKey() + "'; use port or to");
      }
    }
    String port =
        m.values().containsKey("port") ? Values.text(m.values().get("port"), "port") : "0";
    checkPort(port, m.values().getOrDefault("port", value));
    String to = null;
    if (m.values().containsKey("to")) {
      to = Values.text(m.values().get("to"), "to");
      checkAddress(to, m.values().get("to"), "to");
    }
    return new Link.Udp(port, to, at);
  }

  private Link serial(YamlNode value, Location at) {
    if (!(value instanceof YamlNode.Mapping m) || !m.values().containsKey("path")) {
      throw new ScriptException(
          value.location(),
          "serial: needs {path, baud}, e.g. serial: {path: /dev/ttyUSB0, baud: 115200}");
    }
    Set<String> known = Set.of("path", "baud", "data-bits", "parity", "stop-bits", "flow");
    for (Map.Entry<String, Location> key : m.keys().entrySet()) {
      if (!known.contains(key.getKey())) {
        throw new ScriptException(
            key.getValue(),
            "unknown serial option '"
                + key.getKey()
                + "'; use path, baud, data-bits, parity, stop-bits or flow");
      }
    }
    Map<String, YamlNode> v = m.values();
    Link.Serial link =
        new Link.Serial(
            Values.text(v.get("path"), "path"),
            v.containsKey("baud") ? Values.number(v.get("baud"), "baud", 1, 100_000_000) : null,
            v.containsKey("data-bits")
                ? Values.number(v.get("data-bits"), "data-bits", 5, 8)
                : null,
            v.containsKey("parity") ? Values.text(v.get("parity"), "parity") : null,
            v.containsKey("stop-bits") ? Values.text(v.get("stop-bits"), "stop-bits") : null,
            v.containsKey("flow") ? Values.text(v.get("flow"), "flow") : null,
            at);
    try {
      LinkSpecs.serial(link, path -> path);
    } catch (IllegalArgumentException e) {
      throw new ScriptException(at, "serial: " + e.getMessage());
    }
    return link;
  }

  private static void checkAddress(String address, YamlNode where, String what) {
    if (VarCheck.isTemplate(address)) {
      return;
    }
    try {
      HostPort.parse(address);
    } catch (IllegalArgumentException e) {
      throw new ScriptException(where.location(), what + ": " + e.getMessage());
    }
  }

  private static void checkPort(String port, YamlNode where) {
    if (VarCheck.isTemplate(port)) {
      return;
    }
    Values.number(where, "port", 0, 65535);
  }

  /** A link may use variables that any step of the test defines, since links open at first use. */
  private void checkLinkVars(YamlNode.Mapping m, Map<String, Link> links, Set<String> defined) {
    List<YamlNode> texts = new ArrayList<>();
    collectScalars(m.values().get("links"), texts);
    for (String key : LINK_KEYS) {
      collectScalars(m.values().get(key), texts);
    }
    for (YamlNode node : texts) {
      String text = ((YamlNode.Scalar) node).text();
      for (String name : VarCheck.names(text, node)) {
        if (!defined.contains(name)) {
          throw VarCheck.undefined(name, node, text);
        }
      }
    }
  }

  private static void collectScalars(YamlNode node, List<YamlNode> into) {
    if (node instanceof YamlNode.Scalar s && s.text() != null) {
      into.add(s);
    } else if (node instanceof YamlNode.Sequence s) {
      s.items().forEach(i -> collectScalars(i, into));
    } else if (node instanceof YamlNode.Mapping map) {
      map.values().values().forEach(v -> collectScalars(v, into));
    }
  }

  private Map<String, String> vars(YamlNode node) {
    if (node == null) {
      return Map.of();
    }
    if (!(node instanceof YamlNode.Mapping m)) {
      throw new ScriptException(
          node.location(), "vars: needs name: value pairs, e.g. vars: {host: 127.0.0.1}");
    }
    Map<String, String> vars = new LinkedHashMap<>();
    m.values().forEach((k, v) -> vars.put(k, Values.text(v, "vars." + k)));
    return vars;
  }
}
