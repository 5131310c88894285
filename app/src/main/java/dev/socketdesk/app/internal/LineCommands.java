package dev.socketdesk.app.internal;

import dev.socketdesk.engine.ControlLine;
import dev.socketdesk.engine.Counters;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.PeerInfo;
import dev.socketdesk.engine.Session;
import dev.socketdesk.engine.SessionType;
import dev.socketdesk.engine.codec.AsciiNumbers;
import dev.socketdesk.engine.codec.PayloadMode;
import dev.socketdesk.engine.codec.Visible;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The commands typed on standard input in lines mode: {@code /list}, {@code /to ID}, {@code /all},
 * {@code /kick ID}, {@code /hex}, {@code /text}, {@code /help}, {@code /quit}. A line starting with
 * {@code //} is sent with one {@code /} removed.
 */
final class LineCommands {
  private final Session session;
  private final SessionType type;
  private final EventPrinter printer;
  private final Sender sender;
  private final CompletableFuture<Integer> done;

  LineCommands(
      Session session,
      SessionType type,
      EventPrinter printer,
      Sender sender,
      CompletableFuture<Integer> done) {
    this.session = session;
    this.type = type;
    this.printer = printer;
    this.sender = sender;
    this.done = done;
  }

  /** Handles one typed line: a command, or data to send. */
  void handle(String line) {
    if (line.startsWith("//")) {
      sender.sendLine(line.substring(1));
    } else if (line.startsWith("/")) {
      command(line.substring(1).strip());
    } else {
      sender.sendLine(line);
    }
  }

  private void command(String text) {
    String[] words = text.split("\\s+", 2);
    String name = words[0].toLowerCase(Locale.ROOT);
    String arg = words.length > 1 ? words[1].strip() : "";
    switch (name) {
      case "list" -> list();
      case "to" -> to(arg);
      case "all" -> all();
      case "kick" -> kick(arg);
      case "dtr" -> controlLine(ControlLine.DTR, arg);
      case "rts" -> controlLine(ControlLine.RTS, arg);
      case "ping" -> WebSocketCommands.ping(session, printer, arg);
      case "close" -> WebSocketCommands.close(session, printer, arg);
      case "hex" -> mode(PayloadMode.HEX);
      case "text" -> mode(PayloadMode.TEXT);
      case "help" -> printer.info(help());
      case "quit", "exit" -> done.complete(0);
      default ->
          printer.info(
              "unknown command '/"
                  + Visible.of(words[0])
                  + "'; /help lists the commands, // sends a line with /");
    }
  }

  private void list() {
    List<PeerInfo> peers = session.peers();
    if (peers.isEmpty()) {
      printer.info(type == SessionType.UDP ? "no peer heard from yet" : "no peer connected");
      return;
    }
    StringBuilder s = new StringBuilder();
    s.append(peers.size()).append(peers.size() == 1 ? " peer" : " peers");
    for (PeerInfo p : peers) {
      Counters c = p.counters();
      boolean selected = sender.selectedPeer() == p.peer().id();
      s.append(selected ? "; *#" : "; #").append(p.peer().id()).append(' ');
      s.append(p.peer().hostPort()).append(" in ").append(c.bytesIn()).append(" B, out ");
      s.append(c.bytesOut()).append(" B");
    }
    s.append(sender.selectedPeer() == 0 ? "; sending to " + defaultTarget() : "");
    printer.info(s.toString());
  }

  private void to(String arg) {
    if (type.isClient() || type == SessionType.SERIAL) {
      printer.info("/to is for servers, forward and udp; this session has one peer");
      return;
    }
    try {
      int id = clientId(arg);
      boolean known = session.peers().stream().anyMatch(p -> p.peer().id() == id);
      if (!known) {
        printer.info("no peer #" + id + "; /list shows the peers and their ids");
        return;
      }
      sender.selectPeer(id);
      printer.info("sending to #" + id + " only; /all to send to " + defaultTarget());
    } catch (NumberFormatException e) {
      if (type != SessionType.UDP) {
        printer.info(
            "'" + Visible.of(arg) + "' is not a client id; use /to ID with an id from /list");
        return;
      }
      try {
        HostPort remote = HostPort.parse(arg);
        sender.selectRemote(remote);
        printer.info("sending to " + remote + "; /all to send to " + defaultTarget());
      } catch (IllegalArgumentException bad) {
        printer.info(bad.getMessage());
      }
    }
  }

  private void all() {
    sender.selectPeer(0);
    printer.info("sending to " + defaultTarget());
  }

  private void kick(String arg) {
    if (type != SessionType.TCP_SERVER
        && type != SessionType.FORWARD
        && type != SessionType.WS_SERVER) {
      printer.info("/kick is for tcp-server, ws-server and forward");
      return;
    }
    int id;
    try {
      id = clientId(arg);
    } catch (NumberFormatException e) {
      printer.info(
          "'" + Visible.of(arg) + "' is not a client id; use /kick ID with an id from /list");
      return;
    }
    if (session.peers().stream().noneMatch(p -> p.peer().id() == id)) {
      printer.info("no client #" + id + "; /list shows the clients and their ids");
      return;
    }
    session.disconnect(id);
    if (sender.selectedPeer() == id) {
      sender.selectPeer(0);
    }
  }

  private void controlLine(ControlLine line, String arg) {
    String name = line.name().toLowerCase(Locale.ROOT);
    if (type != SessionType.SERIAL) {
      printer.info("/" + name + " is for serial ports");
      return;
    }
    boolean on;
    switch (arg.toLowerCase(Locale.ROOT)) {
      case "on", "1" -> on = true;
      case "off", "0" -> on = false;
      default -> {
        printer.info(
            "'"
                + Visible.of(arg)
                + "' is not on or off; use /"
                + name
                + " on or /"
                + name
                + " off");
        return;
      }
    }
    session
        .setControlLine(line, on)
        .whenComplete(
            (v, e) -> {
              if (e == null) {
                printer.info(line + " is " + (on ? "on" : "off"));
              } else {
                printer.error(null, SessionRunner.unwrap(e).getMessage());
              }
            });
  }

  private void mode(PayloadMode mode) {
    sender.typedMode(mode);
    printer.info(
        mode == PayloadMode.HEX
            ? "typed lines are hex now, e.g. 48 65 6C; /text to type text"
            : "typed lines are text now; /hex to type hex");
  }

  private String defaultTarget() {
    return switch (type) {
      case TCP_SERVER, WS_SERVER -> "all clients";
      case TCP_CLIENT, WS_CLIENT -> "the server";
      case UDP -> "the --to address or else the last sender";
      case SERIAL -> "the serial port";
      case FORWARD -> "every client";
    };
  }

  static String help() {
    return String.join(
        System.lineSeparator(),
        "Type a line to send it. Commands:",
        "  /list       peers with their ids and byte counts",
        "  /to ID      send to one client only (udp: /to ID or /to HOST:PORT)",
        "  /all        send to all clients again (udp: to --to or the last sender)",
        "  /kick ID    disconnect a client (tcp-server, ws-server, forward)",
        "  /dtr on|off set or clear DTR (serial); /rts on|off the same for RTS",
        "  /ping [#ID] send a WebSocket ping (ws-server: to all, or to #ID)",
        "  /close [#ID] CODE [REASON]  WebSocket close with a code, e.g. /close 1001 bye",
        "  /hex        typed lines are hex (48 65 6C); /text switches back",
        "  /text       typed lines are text, with escapes \\r \\n \\t \\\\ \\0 \\xHH",
        "  /quit       close and exit; Ctrl+D ends the input, Ctrl+C exits",
        "  //...       send a line that starts with /");
  }

  /**
   * A client id as typed, {@code 3} or {@code #3}, in ASCII digits.
   *
   * @throws NumberFormatException for anything else.
   */
  private static int clientId(String arg) {
    long id = AsciiNumbers.parse(arg.startsWith("#") ? arg.substring(1) : arg, -1);
    if (id < 0 || id > Integer.MAX_VALUE) {
      throw new NumberFormatException(arg);
    }
    return (int) id;
  }
}
