package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.socketdesk.app.CliParsingTest.Result;
import dev.socketdesk.app.internal.Stdio;
import java.io.ByteArrayInputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * The command line at its edges: durations beyond their maximum, digits of other scripts, control
 * characters in arguments, empty payloads, and a datagram too long to echo.
 */
@Timeout(60)
class CliEdgesTest {
  private static final String NL = System.lineSeparator();
  private static final Stdio NO_INPUT =
      new Stdio(new ByteArrayInputStream(new byte[0]), false, StandardCharsets.UTF_8, false);

  /** Runs with {@code |}-separated arguments, so that an argument may hold spaces. */
  private static Result run(String args) {
    return CliParsingTest.run(
        Arrays.stream(args.split("\\|")).map(String::trim).toArray(String[]::new));
  }

  private static void assertUsage(Result r, String message) {
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("socketdesk: " + message + NL);
    assertThat(r.out()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '~',
      textBlock =
          """
          tcp-client | 127.0.0.1:9 | --connect-timeout | 2000h ~ --connect-timeout '2000h' is too long; use at most 10m
          tcp-client | 127.0.0.1:9 | --connect-timeout | 11m ~ --connect-timeout '11m' is too long; use at most 10m
          tcp-client | 127.0.0.1:9 | --connect-timeout | 0.1ms ~ --connect-timeout '0.1ms' is zero; use at least 1ms, e.g. 5s
          simulate | echo-client | --connect-timeout | 601s ~ --connect-timeout '601s' is too long; use at most 10m
          tcp-server | --port | 1 | --send | a | --every | 25h ~ --every '25h' is too long; use at most 24h
          tcp-server | --port | 1 | --wait | 86400001ms ~ --wait '86400001ms' is too long; use at most 24h
          simulate | echo-client | --duration | 99999999999999h ~ --duration '99999999999999h' is too long; use at most 24h
          simulate | echo-client | --interval | 1441m ~ --interval '1441m' is too long; use at most 24h
          """)
  void everyDurationHasADocumentedMaximum(String args, String message) {
    assertUsage(run(args), message);
  }

  @Test
  void theMaximaAreInTheHelpAndAreAccepted() {
    assertThat(run("tcp-client|--help").out()).contains("at most 10m");
    assertThat(run("tcp-server|--help").out()).contains("(at most 24h)", "up to 24h");
    assertThat(run("simulate|--help").out()).contains("at most 24h", "at most 10m");
    TcpClientCommand c = new TcpClientCommand(NO_INPUT);
    new CommandLine(c).parseArgs("127.0.0.1:9", "--connect-timeout", "10m");
    assertThat(c.connect.connectTimeout()).hasMinutes(10);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '~',
      textBlock =
          """
          tcp-server | --port | ８１０５ ~ --port '８１０５' is not a number; use a port from 0 to 65535, written with the ASCII digits 0-9
          ui | --port | ８１０５ ~ --port '８１０５' is not a number; use a port from 1 to 65535, written with the ASCII digits 0-9
          tcp-client | 127.0.0.1:８１０５ ~ port '８１０５' is not a number; use a port from 1 to 65535, written with the ASCII digits 0-9
          udp | --port | 0 | --to | 127.0.0.1:٨١ ~ --to: port '٨١' is not a number; use a port from 1 to 65535, written with the ASCII digits 0-9
          tcp-server | --port | +80 ~ --port '+80' is not a number; use a port from 0 to 65535
          tcp-server | --port | 1 | --send | a | --count | ３ ~ --count '３' is not a whole number; use 0 or more, e.g. 10, written with the ASCII digits 0-9
          tcp-server | --port | 1 | --send | a | --count | -3 ~ --count: -3 is too small; use 0 or more
          tcp-server | --port | 1 | --send | a | --every | ５s ~ --every '５s' is not a duration; use a number with ms, s, m or h, e.g. 500ms or 2s, written with the ASCII digits 0-9
          """)
  void numbersTakeAsciiDigitsOnly(String args, String message) {
    assertUsage(run(args), message);
  }

  @Test
  void controlCharactersInArgumentsAreEscapedInMessages() {
    assertUsage(
        CliParsingTest.run("tcp-server", "--port", "12\u0007"),
        "--port '12\\u0007' is not a number; use a port from 0 to 65535");
    assertUsage(
        CliParsingTest.run("tcp-server", "--port", "1", "--encoding", "x\u001B[31m"),
        "--encoding: unknown encoding 'x\\u001B[31m'; use UTF-8, GBK, GB18030, ISO-8859-1, US-ASCII or"
            + " another Java charset name");
    assertUsage(
        CliParsingTest.run("tcp-server", "--port", "1", "--reply", "a\nb"),
        "--reply 'a\\nb' has no '=>'; use PATTERN=>RESPONSE, e.g. --reply 'ping=>pong'");
    assertUsage(
        CliParsingTest.run("tcp-server", "--port", "1", "--send", "\\\u0007"),
        "bad escape \"\\\\u0007\" at position 1 of \"\\\\u0007\"; use \\r \\n \\t \\\\ \\0 or \\xHH,"
            + " and \\\\ for a backslash");
    Result unknown = CliParsingTest.run("tcp-server", "--port", "1", "--bo\u0007gus\r");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("'--bo\\u0007gus\\r'").hasLineCount(1);
    assertThat(unknown.err().chars().filter(Character::isISOControl).toArray())
        .containsOnly(NL.chars().toArray());
  }

  @Test
  void anEmptySendOrReplyIsRefusedUnlessAnEndingOrChecksumGivesItBytes() {
    assertUsage(
        CliParsingTest.run("tcp-server", "--port", "1", "--send", ""),
        "--send '' gives no bytes to send; give text or hex, e.g. --send 'Hello\\r\\n' (with"
            + " --line-ending or --checksum an empty payload sends just those)");
    assertUsage(
        CliParsingTest.run("tcp-server", "--port", "1", "--hex-send", "--send", " "),
        "--send ' ' gives no bytes to send; give text or hex, e.g. --send 'Hello\\r\\n' (with"
            + " --line-ending or --checksum an empty payload sends just those)");
    assertUsage(
        CliParsingTest.run("tcp-server", "--port", "1", "--reply", "a=>"),
        "--reply 'a=>' has an empty response; put the bytes to send after '=>', e.g. 'ping=>pong'");

    TcpServerCommand crlf = new TcpServerCommand(NO_INPUT);
    new CommandLine(crlf)
        .parseArgs("--port=1", "--line-ending", "crlf", "--send", "", "--reply", "a=>");
    assertThat(crlf.actions.periodic(crlf.format.sendFormat()).orElseThrow().payload(0))
        .containsExactly('\r', '\n');
    assertThat(crlf.actions.autoActions(crlf.format.sendFormat()).replyRules().get(0).response())
        .containsExactly('\r', '\n');
  }

  @Test
  void aDatagramTooLongToEchoSaysTheLimit() throws Exception {
    try (CliRun cli =
            CliRun.interactive(
                "udp",
                "--bind",
                "127.0.0.1",
                "--port",
                "0",
                "--echo-prefix",
                "I got:",
                "--json",
                "--input",
                "lines");
        DatagramSocket board =
            new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      int port = cli.listeningPort();
      byte[] largest = new byte[65_507];
      board.send(
          new DatagramPacket(
              largest,
              largest.length,
              new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
      JsonNode received = cli.event("received");
      assertThat(received.path("bytes").asInt()).isEqualTo(65_507);
      JsonNode error = cli.event("error");
      assertThat(error.path("message").asText())
          .as("the event names the peer, so the message does not")
          .isEqualTo(
              "the datagram is too long: UDP carries at most 65,507 bytes of payload over IPv4 (65,527"
                  + " over IPv6); send less per datagram, and leave room for an echo prefix");
      assertThat(error.path("code").asText()).isEqualTo("datagram-too-long");
      assertThat(error.path("params").path("peer").asText())
          .isEqualTo("#1 127.0.0.1:" + board.getLocalPort());
    }
  }
}
