package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.app.internal.Converters;
import dev.socketdesk.app.internal.InputMode;
import dev.socketdesk.app.internal.Stdio;
import dev.socketdesk.engine.AutoActions;
import dev.socketdesk.engine.HostPort;
import dev.socketdesk.engine.PeriodicSend;
import dev.socketdesk.engine.ReplyRule;
import dev.socketdesk.engine.codec.Checksum;
import dev.socketdesk.engine.codec.DisplayMode;
import dev.socketdesk.engine.codec.LineEnding;
import dev.socketdesk.engine.codec.PayloadMode;
import dev.socketdesk.engine.codec.SendFormat;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

class CliParsingTest {
  private static final Stdio NO_INPUT =
      new Stdio(new ByteArrayInputStream(new byte[0]), false, StandardCharsets.UTF_8, false);

  /** Exit code, stdout and stderr of an in-process run. */
  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.commandLine(NO_INPUT, new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private static TcpServerCommand parseServer(String... args) {
    TcpServerCommand command = new TcpServerCommand(NO_INPUT);
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void helpPrintsUsageAndSucceeds() {
    Result r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: socketdesk", "tcp-server", "tcp-client", "udp", "ui");
    assertThat(r.err()).isEmpty();
  }

  @Test
  @Timeout(30)
  void eachCommandsLineInTheCommandListIsAWholeSentence() {
    CommandLine cli =
        Main.commandLine(
            NO_INPUT, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    assertThat(cli.getSubcommands().values())
        .isNotEmpty()
        .allSatisfy(
            c ->
                assertThat(c.getCommandSpec().usageMessage().description()[0])
                    .as("first description line of %s", c.getCommandName())
                    .endsWith("."));
  }

  @Test
  void versionNamesTheTransport() {
    Result r = run("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("socketdesk ").containsPattern("\\((Java .*), (epoll|nio)\\)");
  }

  @Test
  void subcommandHelpListsTheSharedOptions() {
    Result r = run("tcp-server", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("--port", "--bind", "--encoding", "--hex-send", "--line-ending", "--checksum")
        .contains("--echo-prefix", "--send", "--every", "--count", "--reply", "--quiet", "--json");
    assertThat(run("tcp-client", "--help").out()).contains("--reconnect", "--connect-timeout");
    assertThat(run("udp", "--help").out()).contains("--to", "--broadcast");
  }

  @Test
  void helpOffersRecordOnlyWhereTheCommandCanRecord() {
    for (String refuses : List.of("forward", "ws-server")) {
      Result r = run(refuses, "--help");
      assertThat(r.code()).isZero();
      assertThat(r.out()).as(refuses).contains("--log").doesNotContain("--record");
    }
    for (String records : List.of("tcp-client", "tcp-server", "udp", "serial", "ws-client")) {
      assertThat(run(records, "--help").out()).as(records).contains("--record");
    }
  }

  @Test
  void defaultsAreTextUtf8WithoutLineEndingOrChecksum() {
    TcpServerCommand c = parseServer("--port", "10000");
    assertThat(c.listen.port()).isEqualTo(10000);
    assertThat(c.listen.bind()).isNull();
    assertThat(c.format.display()).isEqualTo(DisplayMode.TEXT);
    assertThat(c.format.sendFormat())
        .isEqualTo(
            new SendFormat(
                PayloadMode.TEXT, StandardCharsets.UTF_8, true, LineEnding.NONE, Checksum.NONE));
    assertThat(c.actions.periodic(c.format.sendFormat())).isEmpty();
    assertThat(c.actions.autoActions(c.format.sendFormat()).isNone()).isTrue();
    assertThat(c.run.input(true)).isEqualTo(InputMode.LINES);
    assertThat(c.run.input(false)).isEqualTo(InputMode.RAW);
  }

  @Test
  void formatOptionsParse() {
    TcpServerCommand c =
        parseServer(
            "--port=0",
            "--encoding",
            "gbk",
            "--hex-send",
            "--line-ending",
            "CRLF",
            "--checksum",
            "crc16-modbus",
            "--display",
            "both",
            "--input",
            "none");
    SendFormat f = c.format.sendFormat();
    assertThat(f.charset()).isEqualTo(Charset.forName("GBK"));
    assertThat(f.mode()).isEqualTo(PayloadMode.HEX);
    assertThat(f.lineEnding()).isEqualTo(LineEnding.CRLF);
    assertThat(f.checksum()).isEqualTo(Checksum.CRC16_MODBUS);
    assertThat(c.format.display()).isEqualTo(DisplayMode.BOTH);
    assertThat(c.run.input(true)).isEqualTo(InputMode.NONE);
    assertThat(parseServer("--port=1", "--hex").format.display()).isEqualTo(DisplayMode.HEX);
  }

  @Test
  void sendsBecomeAPeriodicSendCyclingThePayloads() {
    TcpServerCommand c =
        parseServer(
            "--port=1", "--send", "Hello Handbit", "--send", "I'am MixNo\\r\\n", "--every", "1s");
    PeriodicSend p = c.actions.periodic(c.format.sendFormat()).orElseThrow();
    assertThat(p.interval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.count()).isZero();
    assertThat(new String(p.payload(0), StandardCharsets.UTF_8)).isEqualTo("Hello Handbit");
    assertThat(new String(p.payload(1), StandardCharsets.UTF_8)).isEqualTo("I'am MixNo\r\n");
    assertThat(new String(p.payload(2), StandardCharsets.UTF_8)).isEqualTo("Hello Handbit");

    TcpServerCommand once = parseServer("--port=1", "--send", "a", "--send", "b");
    PeriodicSend oneShot = once.actions.periodic(once.format.sendFormat()).orElseThrow();
    assertThat(oneShot.count()).isEqualTo(2);

    TcpServerCommand hex =
        parseServer("--port=1", "--hex-send", "--send", "01 03", "--checksum", "crc16-modbus");
    PeriodicSend h = hex.actions.periodic(hex.format.sendFormat()).orElseThrow();
    assertThat(h.payload(0)).hasSize(4).startsWith(0x01, 0x03);
  }

  @Test
  void echoPrefixAndReplyRulesBecomeAutoActions() {
    TcpServerCommand c =
        parseServer(
            "--port=1",
            "--echo-prefix",
            "I got:",
            "--reply",
            "ping=>pong\\n",
            "--reply",
            "hex:01 03=>hex:06",
            "--reply",
            "re:a=>b=>c");
    AutoActions a = c.actions.autoActions(c.format.sendFormat());
    assertThat(a.echo()).isTrue();
    assertThat(new String(a.echoPrefix(), StandardCharsets.UTF_8)).isEqualTo("I got:");
    ReplyRule text = a.replyRules().get(0);
    assertThat(text.regex().pattern()).isEqualTo("ping");
    assertThat(text.response()).isEqualTo("pong\n".getBytes(StandardCharsets.UTF_8));
    ReplyRule bytes = a.replyRules().get(1);
    assertThat(bytes.pattern()).containsExactly(0x01, 0x03);
    assertThat(bytes.response()).containsExactly(0x06);
    ReplyRule firstArrow = a.replyRules().get(2);
    assertThat(firstArrow.regex().pattern()).isEqualTo("a");
    assertThat(firstArrow.response()).isEqualTo("b=>c".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void underHexSendReplyPatternsAreHexUnlessMarkedAsRegex() {
    TcpServerCommand c =
        parseServer("--port=1", "--hex-send", "--reply", "01 03=>06", "--reply", "re:OK=>text:A");
    AutoActions a = c.actions.autoActions(c.format.sendFormat());
    assertThat(a.replyRules().get(0).pattern()).containsExactly(0x01, 0x03);
    assertThat(a.replyRules().get(0).response()).containsExactly(0x06);
    assertThat(a.replyRules().get(1).regex().pattern()).isEqualTo("OK");
    assertThat(a.replyRules().get(1).response()).containsExactly('A');
  }

  @ParameterizedTest
  @CsvSource({"500ms,500", "1s,1000", "1.5s,1500", "2m,120000", "1h,3600000", "3,3000", "0,0"})
  void durations(String text, long millis) {
    assertThat(Converters.parseDuration(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @Test
  void badDurationSaysWhatToWrite() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Converters.parseDuration("5x"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessage("'5x' is not a duration; use a number with ms, s, m or h, e.g. 500ms or 2s");
  }

  @Test
  void clientTakesHostPortIncludingIpv6() throws Exception {
    TcpClientCommand c = new TcpClientCommand(NO_INPUT);
    new CommandLine(c).parseArgs("[::1]:10000", "--reconnect", "--connect-timeout", "2s");
    assertThat(c.remote).isEqualTo(new HostPort("::1", 10000));
    assertThat(c.connect.reconnect()).isTrue();
    assertThat(c.connect.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          tcp-server --port 70000                       | --port 70000 is out of range; use a port from 0 to 65535
          tcp-server --port 12ab                        | --port '12ab' is not a number; use a port from 0 to 65535
          udp --port -1                                 | --port -1 is out of range; use a port from 0 to 65535
          tcp-client localhost:70000                    | port 70000 is out of range; use a port from 1 to 65535
          tcp-client localhost                          | address 'localhost' has no port; use HOST:PORT, e.g. localhost:5000
          tcp-server --port 1 --encoding XYZ            | --encoding: unknown encoding 'XYZ'; use UTF-8, GBK, GB18030, ISO-8859-1, US-ASCII or another Java charset name
          tcp-server --port 1 --input fancy             | --input: input mode 'fancy' is not known; use auto, lines, raw or none
          tcp-server --port 1 --send a --every soon     | --every 'soon' is not a duration; use a number with ms, s, m or h, e.g. 500ms or 2s
          tcp-server --port 1 --every 1s                | --every needs something to send; add --send PAYLOAD, e.g. --send 'Hello' --every 1s
          tcp-server --port 1 --reply ping              | --reply 'ping' has no '=>'; use PATTERN=>RESPONSE, e.g. --reply 'ping=>pong'
          tcp-server                                    | Missing required option: '--port=N'; see 'socketdesk tcp-server --help'
          tcp-server --port 1 --bogus                   | unknown option '--bogus'; see 'socketdesk tcp-server --help'
          tcp-server --prot 5000                        | unknown option '--prot' (did you mean --port?); see 'socketdesk tcp-server --help'
          udp --port 1 --too 10.0.0.2:5000              | unknown option '--too' (did you mean --to?); see 'socketdesk udp --help'
          simulate echo-client --cout 3                 | unknown option '--cout' (did you mean --count?); see 'socketdesk simulate --help'
          simulate tcp-echo-server --port 0 --count 3   | --count 3 does not apply to tcp-echo-server; a server profile runs one listening socket (it serves any number of clients)
          simulate echo-client 127.0.0.1:9 --connect-timeout 0s | --connect-timeout '0s' is zero; use at least 1ms, e.g. 5s
          tcp-sever --port 5000                         | unknown command 'tcp-sever' (did you mean tcp-server?); see 'socketdesk --help'
          tcp-server --port 1 extra                     | unexpected argument 'extra'; see 'socketdesk tcp-server --help'
          udp --port 0 --join 10.0.0.1                  | 10.0.0.1 is not a multicast address; use one in 224.0.0.0/4 or ff00::/8
          """)
  void badUsageIsOneLineAndExitCode2(String args, String message) {
    Result r = run(args.trim().split("\\s+"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("socketdesk: " + message + System.lineSeparator());
    assertThat(r.out()).isEmpty();
  }

  @Test
  void malformedHexIsOneLineAndExitCode2BeforeAnyConnection() {
    Result r = run("tcp-client", "127.0.0.1:9", "--hex-send", "--send", "4G");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "socketdesk: malformed hex \"4G\": 'G' at position 2 is not a hex digit; use pairs of"
                + " 0-9/A-F such as 48 65 6C"
                + System.lineSeparator());
  }

  @Test
  void badEscapeAndBadRegexAreUsageErrors() {
    Result escape = run("tcp-server", "--port", "1", "--send", "a\\q");
    assertThat(escape.code()).isEqualTo(2);
    assertThat(escape.err()).startsWith("socketdesk: ").contains("\\q").hasLineCount(1);
    Result regex = run("tcp-server", "--port", "1", "--reply", "x(=>y");
    assertThat(regex.code()).isEqualTo(2);
    assertThat(regex.err())
        .startsWith("socketdesk: --reply pattern 'x(' is not a valid regex (Unclosed group")
        .hasLineCount(1);
  }
}
