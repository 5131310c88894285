package dev.socketdesk.core.script.internal;

import dev.socketdesk.core.script.Link;
import dev.socketdesk.core.script.Location;
import dev.socketdesk.core.script.ScriptException;
import dev.socketdesk.core.script.Step;
import dev.socketdesk.core.script.Suite;
import dev.socketdesk.core.script.TestCase;
import java.nio.file.Path;
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
  private static final Set<String> SUITE_KEYS = Set.of("name", "tests", "vars");
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
  private final LinkReader linkReader;

  /**
   * @param external names of variables given from outside ({@code --var}), defined everywhere.
   */
  public ScriptReader(String file, Set<String> external) {
    this(file, external, LinkReader.folderOf(file));
  }

  /**
   * @param folder the folder relative paths in the script are found in; null for a script that has
   *     none (pasted in the page): a relative path in it is refused.
   */
  public ScriptReader(String file, Set<String> external, Path folder) {
    this.file = file;
    this.external = Set.copyOf(external);
    this.linkReader = new LinkReader(folder);
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
                + "'; use name, connect, listen, udp, ws, serial, tls, links, vars, steps or"
                + " timeout");
      }
    }
    String name =
        m.values().containsKey("name") ? Values.text(m.values().get("name"), "name") : "test";
    Map<String, Link> links = linkReader.links(m);
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
          if (!link.connects()) {
            defined.add(linkName + ".port");
          }
        });
    StepReader steps = new StepReader(links, defined);
    List<Step> list = steps.list(seq);
    checkLinkVars(m, links, steps.everDefined());
    return new TestCase(name, links, vars, list, timeout, m.location());
  }

  /** A link may use variables that any step of the test defines, since links open at first use. */
  private void checkLinkVars(YamlNode.Mapping m, Map<String, Link> links, Set<String> defined) {
    List<YamlNode> texts = new ArrayList<>();
    collectScalars(m.values().get("links"), texts);
    collectScalars(m.values().get("tls"), texts);
    for (String key : LinkReader.LINK_KEYS) {
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
