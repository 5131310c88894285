package dev.socketdesk.core.script.internal;

import dev.socketdesk.core.script.Link;
import dev.socketdesk.core.script.Location;
import dev.socketdesk.core.script.ScriptException;
import dev.socketdesk.core.script.TestCase;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.WebSocketClientConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a test's links: its one link beside the steps, or its named {@code links:}. */
final class LinkReader {
  static final Duration DEFAULT_ACCEPT_TIMEOUT = Duration.ofSeconds(30);
  static final Set<String> LINK_KEYS = Set.of("connect", "listen", "udp", "ws", "serial");
  private static final String KINDS = "connect, listen, udp, ws or serial";

  private final Path folder;

  /**
   * @param folder the script's folder, which a relative {@code tls: {ca}} is found in; null for a
   *     script that has none (pasted in the page), where a relative {@code ca} is refused.
   */
  LinkReader(Path folder) {
    this.folder = folder;
  }

  /** The folder of the script file {@code file} (the working directory when it has none). */
  static Path folderOf(String file) {
    Path parent;
    try {
      parent = Path.of(file).toAbsolutePath().getParent();
    } catch (InvalidPathException e) {
      parent = null;
    }
    return parent != null ? parent : Path.of("").toAbsolutePath();
  }

  Map<String, Link> links(YamlNode.Mapping m) {
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
    if (links.isEmpty() && m.values().containsKey("tls")) {
      throw new ScriptException(
          m.keys().get("tls"), "tls: belongs beside a connect: or ws: link; add one");
    }
    if (named != null) {
      if (!(named instanceof YamlNode.Mapping map) || map.values().isEmpty()) {
        throw new ScriptException(
            named.location(),
            "links: needs names with a link each, e.g. board: {connect: HOST:PORT}");
      }
      for (Map.Entry<String, YamlNode> e : map.values().entrySet()) {
        links.put(e.getKey(), named(e.getKey(), e.getValue()));
      }
    }
    return links;
  }

  /** A named link: one link key, with {@code tls} beside a {@code connect} or {@code ws}. */
  private Link named(String name, YamlNode value) {
    List<String> kinds = new ArrayList<>();
    if (value instanceof YamlNode.Mapping one) {
      for (String key : one.values().keySet()) {
        if (!key.equals("tls")) {
          kinds.add(key);
        }
      }
    }
    if (!(value instanceof YamlNode.Mapping one) || kinds.size() != 1) {
      throw new ScriptException(
          value.location(),
          "link '" + name + "' needs exactly one of " + KINDS + ", e.g. {connect: HOST:PORT}");
    }
    String kind = kinds.get(0);
    if (!LINK_KEYS.contains(kind)) {
      throw new ScriptException(one.keys().get(kind), "unknown link '" + kind + "'; use " + KINDS);
    }
    return link(kind, one.values().get(kind), one);
  }

  private Link link(String kind, YamlNode value, YamlNode.Mapping owner) {
    Location at = owner.keys().get(kind);
    if (owner.values().containsKey("tls") && !kind.equals("connect") && !kind.equals("ws")) {
      throw new ScriptException(
          owner.keys().get("tls"), "tls: is for connect: and ws: links, not " + kind + ":");
    }
    return switch (kind) {
      case "connect" -> {
        String address = Values.text(value, "connect");
        checkAddress(address, value, "connect");
        yield new Link.Connect(address, tls(owner.values().get("tls")), at);
      }
      case "listen" -> listen(value, owner, at);
      case "udp" -> udp(value, at);
      case "ws" -> webSocket(value, tls(owner.values().get("tls")), at);
      default -> serial(value, at);
    };
  }

  /** {@code tls: true} or {@code tls: {ca, insecure, sni}}; null when absent or false. */
  private Link.Tls tls(YamlNode value) {
    if (value == null) {
      return null;
    }
    if (value instanceof YamlNode.Scalar s
        && ("true".equals(s.text()) || "false".equals(s.text()))) {
      return s.text().equals("true") ? new Link.Tls(null, false, null, folder) : null;
    }
    if (!(value instanceof YamlNode.Mapping m)) {
      throw new ScriptException(
          value.location(), "tls: needs true or {ca: FILE, insecure: true, sni: NAME}");
    }
    for (Map.Entry<String, Location> key : m.keys().entrySet()) {
      if (!Set.of("ca", "insecure", "sni").contains(key.getKey())) {
        throw new ScriptException(
            key.getValue(), "unknown tls option '" + key.getKey() + "'; use ca, insecure or sni");
      }
    }
    boolean insecure = false;
    YamlNode node = m.values().get("insecure");
    if (node != null) {
      String flag = Values.text(node, "insecure");
      if (!flag.equals("true") && !flag.equals("false")) {
        throw new ScriptException(
            node.location(), "insecure: '" + flag + "' is not true or false; use true or false");
      }
      insecure = flag.equals("true");
    }
    String ca = m.values().containsKey("ca") ? Values.text(m.values().get("ca"), "ca") : null;
    if (ca != null && insecure) {
      throw new ScriptException(
          m.keys().get("insecure"), "tls: insecure skips what ca is for; use one of them");
    }
    String sni = m.values().containsKey("sni") ? Values.text(m.values().get("sni"), "sni") : null;
    Link.Tls tls = new Link.Tls(ca, insecure, sni, folder);
    if (ca != null && !VarCheck.isTemplate(ca)) {
      try {
        LinkSpecs.tls(tls, text -> text);
      } catch (IllegalArgumentException e) {
        throw new ScriptException(m.values().get("ca").location(), e.getMessage());
      }
    }
    return tls;
  }

  /** {@code ws: URL} or {@code ws: {url, subprotocol, headers}}. */
  private Link webSocket(YamlNode value, Link.Tls tls, Location at) {
    YamlNode urlNode = value;
    List<String> subprotocols = new ArrayList<>();
    Map<String, String> headers = new LinkedHashMap<>();
    if (value instanceof YamlNode.Mapping m) {
      for (Map.Entry<String, Location> key : m.keys().entrySet()) {
        if (!Set.of("url", "subprotocol", "headers").contains(key.getKey())) {
          throw new ScriptException(
              key.getValue(),
              "unknown ws option '" + key.getKey() + "'; use url, subprotocol or headers");
        }
      }
      urlNode = m.values().get("url");
      if (urlNode == null) {
        throw new ScriptException(at, "ws: needs a url, e.g. ws: {url: ws://HOST:PORT/PATH}");
      }
      YamlNode sub = m.values().get("subprotocol");
      List<YamlNode> subs =
          sub instanceof YamlNode.Sequence list
              ? list.items()
              : sub == null ? List.of() : List.of(sub);
      for (YamlNode node : subs) {
        String name = Values.text(node, "subprotocol");
        check(
            node,
            () -> WebSocketClientConfig.connect("ws://127.0.0.1/").withSubprotocols(List.of(name)));
        subprotocols.add(name);
      }
      YamlNode h = m.values().get("headers");
      if (h != null && !(h instanceof YamlNode.Mapping)) {
        throw new ScriptException(
            h.location(), "headers: needs Name: value pairs, e.g. {Authorization: Bearer x}");
      }
      if (h instanceof YamlNode.Mapping hm) {
        for (Map.Entry<String, YamlNode> e : hm.values().entrySet()) {
          String text = Values.text(e.getValue(), e.getKey());
          check(hm, () -> new WebSocketClientConfig.Header(e.getKey(), text));
          headers.put(e.getKey(), text);
        }
      }
    }
    String url = Values.text(urlNode, "ws");
    Link.WebSocket link = new Link.WebSocket(url, subprotocols, headers, tls, at);
    if (!VarCheck.isTemplate(url)) {
      try {
        LinkSpecs.webSocket(link, text -> text);
      } catch (IllegalArgumentException e) {
        throw new ScriptException(urlNode.location(), "ws: " + e.getMessage());
      }
    }
    return link;
  }

  /** Runs an engine check of one value, its message placed at {@code where}. */
  private static void check(YamlNode where, Runnable engineCheck) {
    try {
      engineCheck.run();
    } catch (IllegalArgumentException e) {
      throw new ScriptException(where.location(), "ws: " + e.getMessage());
    }
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
}
