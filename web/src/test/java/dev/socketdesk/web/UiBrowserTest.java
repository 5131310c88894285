package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** End-to-end through the page in Chromium: the tutorial scenarios and bad input. */
class UiBrowserTest extends PageTest {

  Locator tab() {
    return page.locator("section.tabview:not(.hidden)");
  }

  /** Opens a session with the New session form; returns the bound local port shown by the page. */
  int openSession(String type, String local, String port, String remote) {
    page.locator("[data-testid=tabhead-new]").click();
    page.locator("[data-testid=new-type] input[value=" + type + "]")
        .check(new Locator.CheckOptions().setForce(true));
    page.locator("[data-testid=new-local]").selectOption(local);
    if (port != null) {
      page.locator("[data-testid=new-port]").fill(port);
    }
    if (remote != null) {
      page.locator("[data-testid=new-remote]").fill(remote);
    }
    page.locator("[data-testid=new-open]").click();
    Locator shown = tab().locator("[data-testid=local-address]");
    PlaywrightAssertions.assertThat(shown).hasText(Pattern.compile(":[1-9][0-9]*$"));
    String text = shown.textContent();
    return Integer.parseInt(text.substring(text.lastIndexOf(':') + 1));
  }

  void send(String text) {
    tab().locator("[data-testid=send-text]").fill(text);
    tab().locator("[data-testid=send]").click();
  }

  @Test
  @Timeout(90)
  void s1TcpServerGreetsAndAnswersThePickedClient() throws Exception {
    int port = openSession("tcp-server", "127.0.0.1", "0", null);
    PlaywrightAssertions.assertThat(tab().locator("[data-testid=lamp]"))
        .hasClass(Pattern.compile("open"));
    try (Socket other = new Socket("127.0.0.1", port)) {
      PlaywrightAssertions.assertThat(tab().locator("[data-testid=peers] tbody tr")).hasCount(1);
      try (Socket board = new Socket("127.0.0.1", port)) {
        s1WithTwoClients(other, board);
      }
    }
  }

  private void s1WithTwoClients(Socket other, Socket board) throws Exception {
    other.setSoTimeout(10_000);
    board.setSoTimeout(10_000);
    PlaywrightAssertions.assertThat(tab().locator("[data-testid=peers] tbody tr")).hasCount(2);
    PlaywrightAssertions.assertThat(tab().locator("[data-testid=peers] tr[data-peer='2']"))
        .containsText(":" + board.getLocalPort());
    board.getOutputStream().write("Hello WalnutPi!".getBytes(StandardCharsets.UTF_8));
    PlaywrightAssertions.assertThat(tab().locator("[data-testid=log]"))
        .containsText("Hello WalnutPi!");
    PlaywrightAssertions.assertThat(tab().locator("[data-testid=bytes-in]")).hasText("15");

    tab().locator("[data-testid=peers] tr[data-peer='2']").click();
    PlaywrightAssertions.assertThat(tab().locator("[data-testid=send-target]")).hasValue("peer:2");
    tab().locator("[data-testid=send-text]").fill("hi");
    tab().locator("[data-testid=send]").click();
    assertThat(new String(board.getInputStream().readNBytes(2), StandardCharsets.UTF_8))
        .isEqualTo("hi");
    PlaywrightAssertions.assertThat(tab().locator("[data-testid=send-ok]")).hasText("Sent 2 bytes");

    tab().locator("[data-testid=send-target]").selectOption("all");
    tab().locator("[data-testid=send-text]").fill("all\\n");
    tab().locator("[data-testid=send-text]").press("Control+Enter");
    assertThat(new String(other.getInputStream().readNBytes(4), StandardCharsets.UTF_8))
        .as("client #1 gets the broadcast first, never the 'hi' meant for #2")
        .isEqualTo("all\n");
    assertThat(new String(board.getInputStream().readNBytes(4), StandardCharsets.UTF_8))
        .isEqualTo("all\n");
    PlaywrightAssertions.assertThat(tab().locator("[data-testid=bytes-out]")).hasText("10");
    PlaywrightAssertions.assertThat(tab().locator("[data-testid=log] .row.out")).hasCount(3);

    tab().locator("[data-testid=view-mode] button[data-mode=hex]").click();
    PlaywrightAssertions.assertThat(tab().locator("[data-testid=log]"))
        .containsText("48 65 6C 6C 6F 20 57 61 6C 6E 75 74 50 69 21");
    tab().locator("[data-testid=view-mode] button[data-mode=both]").click();
    page.waitForFunction(
        "() => document.fonts.status === 'loaded'"
            + " && document.querySelectorAll('section.tabview:not(.hidden) .chart .u-over').length"
            + " > 0");
    BrowserSupport.screenshot(page, "main-view");

    page.reload();
    PlaywrightAssertions.assertThat(tab().locator("[data-testid=log]"))
        .containsText("Hello WalnutPi!");
    PlaywrightAssertions.assertThat(tab().locator("[data-testid=peers] tbody tr")).hasCount(2);
    PlaywrightAssertions.assertThat(tab().locator("[data-testid=bytes-out]")).hasText("10");

    tab().locator("[data-testid=peers] button[data-kick='1']").click();
    assertThat(other.getInputStream().read()).isEqualTo(-1);
    PlaywrightAssertions.assertThat(tab().locator("[data-testid=peers] tbody tr")).hasCount(1);
  }

  @Test
  @Timeout(90)
  void tcpClientAndUdpSessionsAgainstBoards() throws Exception {
    try (ServerSocket board = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        DatagramSocket udpBoard = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      openSession("tcp-client", "", null, "127.0.0.1:" + board.getLocalPort());
      try (Socket accepted = board.accept()) {
        accepted.setSoTimeout(10_000);
        accepted.getOutputStream().write("hello from board".getBytes(StandardCharsets.UTF_8));
        PlaywrightAssertions.assertThat(tab().locator("[data-testid=log]"))
            .containsText("hello from board");
        tab().locator("[data-testid=line-ending]").selectOption("crlf");
        send("I'am MixNo");
        assertThat(new String(accepted.getInputStream().readNBytes(12), StandardCharsets.UTF_8))
            .isEqualTo("I'am MixNo\r\n");
        BrowserSupport.screenshot(page, "tcp-client");
      }
      PlaywrightAssertions.assertThat(tab().locator("[data-testid=log]"))
          .containsText("closed by peer");

      int udpPort = openSession("udp", "127.0.0.1", "0", "127.0.0.1:" + udpBoard.getLocalPort());
      tab().locator("[data-testid=send-mode] button[data-mode=hex]").click();
      tab().locator("[data-testid=line-ending]").selectOption("none");
      send("68 65 6C 6C 6F");
      udpBoard.setSoTimeout(10_000);
      DatagramPacket in = new DatagramPacket(new byte[64], 64);
      udpBoard.receive(in);
      assertThat(new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8))
          .isEqualTo("hello");
      assertThat(in.getPort()).isEqualTo(udpPort);
      byte[] reply = "hello,i am server".getBytes(StandardCharsets.UTF_8);
      udpBoard.send(new DatagramPacket(reply, reply.length, in.getSocketAddress()));
      PlaywrightAssertions.assertThat(tab().locator("[data-testid=log]"))
          .containsText("hello,i am server");
      PlaywrightAssertions.assertThat(tab().locator("[data-testid=log] .row.in .peer"))
          .containsText("127.0.0.1:" + udpBoard.getLocalPort());
      BrowserSupport.screenshot(page, "udp");
    }
  }

  @Test
  @Timeout(90)
  void badInputShowsReadableMessagesAndThePageGoesOn() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));
      page.locator("[data-testid=new-local]").selectOption("127.0.0.1");
      page.locator("[data-testid=new-port]").fill(String.valueOf(taken.getLocalPort()));
      page.locator("[data-testid=new-open]").click();
      PlaywrightAssertions.assertThat(page.locator("[data-testid=new-error]"))
          .hasText(Pattern.compile("port " + taken.getLocalPort() + " is already in use.*"));
      BrowserSupport.screenshot(page, "port-in-use");
      page.locator("[data-testid=new-port]").fill("99999");
      page.locator("[data-testid=new-open]").click();
      PlaywrightAssertions.assertThat(page.locator("[data-testid=new-error]"))
          .containsText("out of range");
    }
    int port = openSession("tcp-server", "127.0.0.1", "0", null);
    tab().locator("[data-testid=send-mode] button[data-mode=hex]").click();
    send("48 4G");
    PlaywrightAssertions.assertThat(tab().locator("[data-testid=send-error]"))
        .containsText("malformed hex");
    PlaywrightAssertions.assertThat(tab().locator("[data-testid=send-error]")).containsText("'G'");
    BrowserSupport.screenshot(page, "bad-hex");
    try (Socket board = new Socket("127.0.0.1", port)) {
      board.setSoTimeout(10_000);
      PlaywrightAssertions.assertThat(tab().locator("[data-testid=peers] tbody tr")).hasCount(1);
      send("48 65 6C 6C 6F");
      assertThat(new String(board.getInputStream().readNBytes(5), StandardCharsets.UTF_8))
          .isEqualTo("Hello");
      PlaywrightAssertions.assertThat(tab().locator("[data-testid=send-error]")).hasText("");
    }
  }

  @Test
  @Timeout(90)
  void receivePanelRerendersInGbkFiltersSavesAndStopsScrollingWhileTheUserReads() throws Exception {
    int port = openSession("tcp-server", "127.0.0.1", "0", null);
    Locator log = tab().locator("[data-testid=log]");
    try (Socket board = new Socket("127.0.0.1", port)) {
      OutputStream out = board.getOutputStream();
      out.write("你好，世界\r\n".getBytes(Charset.forName("GBK")));
      PlaywrightAssertions.assertThat(log).containsText("\\xC4\\xE3");
      tab().locator("[data-testid=rx-encoding]").selectOption("GBK");
      PlaywrightAssertions.assertThat(log).containsText("你好，世界\\r\\n");
      out.write("temperature=25\r\n".getBytes(StandardCharsets.US_ASCII));
      PlaywrightAssertions.assertThat(log).containsText("temperature=25");

      tab().locator("[data-testid=filter]").fill("temp");
      PlaywrightAssertions.assertThat(log.locator(".row")).hasCount(1);
      tab().locator("[data-testid=filter]").fill("");
      PlaywrightAssertions.assertThat(log.locator(".row.in")).hasCount(2);

      Download download = page.waitForDownload(() -> tab().locator("[data-testid=save]").click());
      String saved = Files.readString(download.path(), StandardCharsets.UTF_8);
      assertThat(saved).contains("你好，世界").contains("temperature=25").contains("#1 127.0.0.1:");

      int id = ui.get("/api/state").json().getJsonArray("tabs").getJsonObject(0).getInteger("id");
      for (int i = 0; i < 120; i++) {
        UiHarness.Reply r =
            ui.post(
                "/api/sessions/" + id + "/send",
                new io.vertx.core.json.JsonObject().put("data", "reply " + i));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
      }
      PlaywrightAssertions.assertThat(log).containsText("reply 119");
      page.evaluate(
          "() => { const el = document.querySelector('section.tabview:not(.hidden)"
              + " [data-testid=log]'); el.scrollTop = 0; el.dispatchEvent(new Event('scroll')); }");
      PlaywrightAssertions.assertThat(tab().locator("[data-testid=follow]")).isVisible();
      out.write("after scrolling up\n".getBytes(StandardCharsets.US_ASCII));
      PlaywrightAssertions.assertThat(tab().locator("[data-testid=follow]"))
          .containsText("new lines");
      assertThat(
              ((Number)
                      page.evaluate(
                          "() => document.querySelector('section.tabview:not(.hidden)"
                              + " [data-testid=log]').scrollTop"))
                  .intValue())
          .isZero();
      tab().locator("[data-testid=follow]").click();
      PlaywrightAssertions.assertThat(log).containsText("after scrolling up");
      BrowserSupport.screenshot(page, "receive-gbk");
    }
  }
}
