package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.app.internal.Stdio;
import dev.socketdesk.engine.Engine;
import dev.socketdesk.web.UiServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UiCommandTest {
  private static final Stdio NO_INPUT =
      new Stdio(new ByteArrayInputStream(new byte[0]), false, StandardCharsets.UTF_8, false);
  @TempDir Path config;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.commandLine(NO_INPUT, new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  @Timeout(30)
  void badPortIsAUsageError() {
    Result r = run("ui", "--port", "70000");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "socketdesk: --port 70000 is out of range; use a port from 1 to 65535"
                + System.lineSeparator());
    assertThat(run("ui", "--listen", "no-such-host.invalid").code()).isEqualTo(2);
    assertThat(run("ui", "--bind", "no-such-host.invalid").code()).isEqualTo(2);
  }

  @Test
  @Timeout(30)
  void aTakenPortGivenWithPortIsARuntimeError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Result r =
          run(
              "ui",
              "--port",
              String.valueOf(taken.getLocalPort()),
              "--config-dir",
              config.toString());
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err())
          .isEqualTo(
              "socketdesk: port "
                  + taken.getLocalPort()
                  + " is already in use on 127.0.0.1; pick another with --port or stop the program"
                  + " using it"
                  + System.lineSeparator());
    }
  }

  @Test
  @Timeout(30)
  void withoutPortTheNextFreePortIsUsed() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Engine engine = Engine.create(1)) {
      UiServer server =
          UiCommand.startFrom(taken.getLocalPort(), engine, "127.0.0.1", null, false, config);
      try {
        assertThat(server.port()).isGreaterThan(taken.getLocalPort());
        assertThat(server.port()).isLessThan(taken.getLocalPort() + UiCommand.PORT_TRIES);
        assertThat(UiCommand.startLine(server.url(), taken.getLocalPort(), server.port()))
            .as("the start line says why it is not on the port tried first")
            .isEqualTo(
                "SocketDesk UI: "
                    + server.url()
                    + " (port "
                    + taken.getLocalPort()
                    + " is in use, by another SocketDesk perhaps; using "
                    + server.port()
                    + ")");
        assertThat(UiCommand.startLine(server.url(), server.port(), server.port()))
            .isEqualTo("SocketDesk UI: " + server.url());
      } finally {
        server.close();
      }
    }
  }

  @Test
  @Timeout(60)
  void listeningOnAllAddressesPrintsATokenUrlAndStopsCleanly() throws Exception {
    StringWriter out = new StringWriter();
    UiCommand command = new UiCommand();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                cl.execute(
                    "--listen",
                    "0.0.0.0",
                    "--port",
                    String.valueOf(port),
                    "--config-dir",
                    config.toString()));
    Pattern url =
        Pattern.compile(
            "SocketDesk UI: (http://127\\.0\\.0\\.1:" + port + "/\\?token=([0-9a-f]{32}))");
    Awaitility.await()
        .atMost(20, TimeUnit.SECONDS)
        .until(() -> url.matcher(out.toString()).find() || exit.isDone());
    Matcher m = url.matcher(out.toString());
    assertThat(m.find()).as(out.toString()).isTrue();
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> withToken =
        http.send(
            HttpRequest.newBuilder(URI.create(m.group(1))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(withToken.statusCode()).isEqualTo(200);
    HttpResponse<String> without =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/state")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(without.statusCode()).isEqualTo(401);
    command.stop();
    assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
  }

  @Test
  @Timeout(30)
  void weakTokensAreUsageErrorsNamingTheMinimum() {
    for (String weak : new String[] {"", "   ", "short-token"}) {
      Result r = run("ui", "--token", weak, "--config-dir", config.toString());
      assertThat(r.code()).as("'%s'", weak).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().lines()).as(r.err()).hasSize(1);
      assertThat(r.err())
          .startsWith("socketdesk: --token refused: the token is ")
          .contains("use 16 to 256 printable ASCII characters without spaces");
    }
    assertThat(run("ui", "--token", "short-token").err())
        .contains("too short (11 characters, the minimum is 16)");
  }

  @Test
  @Timeout(30)
  void noTokenBeyondLoopbackIsAUsageError() {
    for (String address : new String[] {"0.0.0.0", "::"}) {
      Result r = run("ui", "--no-token", "--listen", address, "--config-dir", config.toString());
      assertThat(r.code()).as(address).isEqualTo(2);
      assertThat(r.err())
          .isEqualTo(
              "socketdesk: --no-token is allowed on loopback addresses only (127.0.0.0/8, ::1),"
                  + " not on '"
                  + address
                  + "'; drop --no-token and use the printed URL with its token"
                  + System.lineSeparator());
    }
    Result both = run("ui", "--no-token", "--token", "0123456789abcdef", "--config-dir", "x");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--token and --no-token");
  }

  /** A running {@code ui} command: its output so far, and a way to stop it. */
  private record Running(
      UiCommand command, StringWriter out, StringWriter err, CompletableFuture<Integer> exit) {
    Matcher await(Pattern pattern) {
      Awaitility.await()
          .atMost(20, TimeUnit.SECONDS)
          .until(() -> pattern.matcher(out.toString()).find() || exit.isDone());
      Matcher m = pattern.matcher(out.toString());
      assertThat(m.find()).as("out: %s err: %s", out, err).isTrue();
      return m;
    }

    int stop() throws Exception {
      command.stop();
      return exit.get(20, TimeUnit.SECONDS);
    }
  }

  private Running start(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    UiCommand command = new UiCommand();
    CommandLine cl = new CommandLine(command);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Running(command, out, err, CompletableFuture.supplyAsync(() -> cl.execute(args)));
  }

  private static int freePort() throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  private static int status(HttpClient http, String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  @Timeout(60)
  void onLoopbackByDefaultTheUrlCarriesARandomToken() throws Exception {
    int port = freePort();
    Running ui = start("--port", String.valueOf(port), "--config-dir", config.toString());
    Matcher m =
        ui.await(
            Pattern.compile(
                "SocketDesk UI: (http://127\\.0\\.0\\.1:" + port + "/\\?token=[0-9a-f]{32})\\R"));
    HttpClient http = HttpClient.newHttpClient();
    assertThat(status(http, m.group(1))).isEqualTo(200);
    assertThat(status(http, "http://127.0.0.1:" + port + "/api/state")).isEqualTo(401);
    assertThat(ui.err().toString()).isEmpty();
    assertThat(ui.stop()).isZero();
  }

  @Test
  @Timeout(60)
  void aGivenTokenIsUsed() throws Exception {
    int port = freePort();
    String token = "my-own-token-0123456789";
    Running ui =
        start("--port", String.valueOf(port), "--token", token, "--config-dir", config.toString());
    Matcher m = ui.await(Pattern.compile("SocketDesk UI: (\\S+)\\R"));
    assertThat(m.group(1)).isEqualTo("http://127.0.0.1:" + port + "/?token=" + token);
    assertThat(status(HttpClient.newHttpClient(), m.group(1))).isEqualTo(200);
    assertThat(ui.stop()).isZero();
  }

  @Test
  @Timeout(60)
  void noTokenOnLoopbackWarnsAndWorks() throws Exception {
    int port = freePort();
    Running ui =
        start("--no-token", "--port", String.valueOf(port), "--config-dir", config.toString());
    Matcher m = ui.await(Pattern.compile("SocketDesk UI: (\\S+)\\R"));
    assertThat(m.group(1)).isEqualTo("http://127.0.0.1:" + port + "/");
    assertThat(ui.err().toString())
        .isEqualTo(
            "socketdesk: warning: --no-token: any local user or program on this machine can drive"
                + " this UI and the sessions it opens, without a token"
                + System.lineSeparator());
    assertThat(status(HttpClient.newHttpClient(), m.group(1) + "api/state")).isEqualTo(200);
    assertThat(ui.stop()).isZero();
  }
}
