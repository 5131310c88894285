package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 10, parts 4.3, 4.7 and 4.8 in Chromium: sends report every byte that went out and refuse an
 * empty message, results switch language, history keeps the format, Remove tab asks first, Clients
 * shows a count and can all be disconnected, periodic errors speak milliseconds.
 */
class UiPageDetailsBrowserTest extends PageTest {

  Locator openServer() {
    fillNewSession("tcp-server");
    page.locator("[data-testid=new-open]").click();
    return openedTab(1);
  }

  @Test
  @Timeout(90)
  void sendToAllCountsEveryClientAndTheResultSwitchesLanguage() throws Exception {
    Locator tab = openServer();
    int port = port(tab);
    List<Socket> boards = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        Socket board = new Socket("127.0.0.1", port);
        board.setSoTimeout(10_000);
        boards.add(board);
      }
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=peers-title]"))
          .hasText("Clients (3)");
      tab.locator("[data-testid=send-text]").fill("z".repeat(402));
      tab.locator("[data-testid=send]").click();
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=send-ok]"))
          .hasText("Sent 1,206 bytes");
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=bytes-out]")).hasText("1,206");
      for (Socket board : boards) {
        assertThat(board.getInputStream().readNBytes(402)).hasSize(402);
      }
      tab.locator("[data-testid=auto-apply]").click();
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=auto-ok]")).hasText("Applied");

      page.locator("#lang").selectOption("zh");
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=send-ok]")).hasText("已发送 1,206 字节");
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=auto-ok]")).hasText("已应用");
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=view-mode] [data-mode=both]"))
          .hasText("文本+十六进制");
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=peers-title]")).hasText("客户端（3）");

      tab.locator("[data-testid=send-text]").fill("");
      tab.locator("[data-testid=send]").click();
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=send-error]"))
          .containsText("nothing to send");
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=send-ok]")).hasText("");
      page.locator("#lang").selectOption("en");

      tab.locator("[data-testid=disconnect-all]").click();
      for (Socket board : boards) {
        InputStream in = board.getInputStream();
        assertThat(in.read())
            .as("the empty send sent nothing, then the board was let go")
            .isEqualTo(-1);
      }
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=peers-title]"))
          .hasText("Clients (0)");
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=disconnect-all]")).isDisabled();
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=bytes-out]")).hasText("1,206");
    } finally {
      for (Socket board : boards) {
        board.close();
      }
    }
  }

  @Test
  @Timeout(90)
  void historyRemembersTheEncodingAndLineEnding() throws Exception {
    Locator tab = openServer();
    try (Socket board = new Socket("127.0.0.1", port(tab))) {
      board.setSoTimeout(10_000);
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=peers] tbody tr")).hasCount(1);
      tab.locator("[data-testid=tx-encoding]").selectOption("GBK");
      tab.locator("[data-testid=line-ending]").selectOption("crlf");
      tab.locator("[data-testid=send-text]").fill("你好");
      tab.locator("[data-testid=send]").click();
      byte[] gbk = "你好\r\n".getBytes(Charset.forName("GBK"));
      assertThat(board.getInputStream().readNBytes(gbk.length)).isEqualTo(gbk);

      tab.locator("[data-testid=tx-encoding]").selectOption("UTF-8");
      tab.locator("[data-testid=line-ending]").selectOption("none");
      tab.locator("[data-testid=send-text]").fill("");
      tab.locator("[data-testid=history]").selectOption("0");
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=send-text]")).hasValue("你好");
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=tx-encoding]")).hasValue("GBK");
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=line-ending]")).hasValue("crlf");
      tab.locator("[data-testid=send]").click();
      assertThat(board.getInputStream().readNBytes(gbk.length)).isEqualTo(gbk);
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=history] option")).hasCount(2);
    }
  }

  @Test
  @Timeout(90)
  void removeTabAsksBeforeClosingALiveSession() {
    Locator tab = openServer();
    List<String> asked = new ArrayList<>();
    page.onceDialog(
        d -> {
          asked.add(d.message());
          d.dismiss();
        });
    tab.locator("[data-testid=remove]").click();
    PlaywrightAssertions.assertThat(page.locator("[data-testid=tabhead-1]")).isVisible();
    assertThat(asked).hasSize(1);
    assertThat(asked.get(0))
        .startsWith("Remove \"TCP Server :" + port(tab) + "\"? It is still open");
    page.onceDialog(d -> d.accept());
    tab.locator("[data-testid=remove]").click();
    PlaywrightAssertions.assertThat(page.locator("[data-testid=tabhead-1]")).hasCount(0);

    Locator second = openedTabAfterNew(2);
    second.locator("[data-testid=close]").click();
    PlaywrightAssertions.assertThat(second.locator("[data-testid=state]")).containsText("Closed");
    page.onDialog(d -> asked.add("unexpected: " + d.message()));
    second.locator("[data-testid=remove]").click();
    PlaywrightAssertions.assertThat(page.locator("[data-testid=tabhead-2]")).hasCount(0);
    assertThat(asked).hasSize(1);
  }

  private Locator openedTabAfterNew(int id) {
    page.locator("[data-testid=tabhead-new]").click();
    fillNewSession("tcp-server");
    page.locator("[data-testid=new-open]").click();
    return openedTab(id);
  }

  @Test
  @Timeout(90)
  void periodicIntervalErrorsSpeakMilliseconds() {
    Locator tab = openServer();
    tab.locator("[data-testid=send-text]").fill("tick");
    tab.locator("[data-testid=periodic-interval]").fill("abc");
    tab.locator("[data-testid=periodic]").click();
    PlaywrightAssertions.assertThat(tab.locator("[data-testid=send-error]"))
        .hasText(
            "interval 'abc' is not a number of milliseconds; use a whole number, e.g. 1000, or a"
                + " number with ms, s, m or h");
    tab.locator("[data-testid=periodic-interval]").fill("0");
    tab.locator("[data-testid=periodic]").click();
    PlaywrightAssertions.assertThat(tab.locator("[data-testid=send-error]"))
        .hasText("interval 0ms is too short; use at least 1ms, e.g. 5s");
    PlaywrightAssertions.assertThat(tab.locator("[data-testid=send-error]"))
        .not()
        .containsText(Pattern.compile("java|Exception|PT0S"));
    tab.locator("[data-testid=periodic-interval]").fill("500");
    tab.locator("[data-testid=periodic]").click();
    PlaywrightAssertions.assertThat(tab.locator("[data-testid=periodic]")).hasText("Stop");
    PlaywrightAssertions.assertThat(tab.locator("[data-testid=send-error]")).hasText("");
  }

  @Test
  @Timeout(90)
  void serverErrorsWithACodeThePageKnowsAreWordedInItsLanguage() {
    Locator tab = openServer();
    page.route(
        "**/api/sessions/1/send",
        route ->
            route.fulfill(
                new Route.FulfillOptions()
                    .setStatus(500)
                    .setContentType("application/json")
                    .setBody(
                        "{\"error\":\"internal error in SocketDesk; its log has the details\"}")));
    tab.locator("[data-testid=send-text]").fill("x");
    tab.locator("[data-testid=send]").click();
    PlaywrightAssertions.assertThat(tab.locator("[data-testid=send-error]"))
        .hasText("SocketDesk hit an internal error; its log has the details.");
    page.locator("#lang").selectOption("zh");
    PlaywrightAssertions.assertThat(tab.locator("[data-testid=send-error]"))
        .hasText("SocketDesk 内部出错；详情见它的日志。");
    page.unroute("**/api/sessions/1/send");
    page.route(
        "**/api/sessions/1/send",
        route ->
            route.fulfill(
                new Route.FulfillOptions()
                    .setStatus(409)
                    .setContentType("application/json")
                    .setBody(
                        "{\"error\":\"some server wording\",\"code\":\"internal\","
                            + "\"params\":{}}")));
    tab.locator("[data-testid=send]").click();
    PlaywrightAssertions.assertThat(tab.locator("[data-testid=send-error]"))
        .hasText("SocketDesk 内部出错；详情见它的日志。");
    page.unroute("**/api/sessions/1/send");
    page.route(
        "**/api/sessions/1/send",
        route ->
            route.fulfill(
                new Route.FulfillOptions()
                    .setStatus(409)
                    .setContentType("application/json")
                    .setBody("{\"error\":\"words for an unknown code\",\"code\":\"later\"}")));
    tab.locator("[data-testid=send]").click();
    PlaywrightAssertions.assertThat(tab.locator("[data-testid=send-error]"))
        .hasText("words for an unknown code");
  }

  @Test
  @Timeout(90)
  void theSimulatePanelTargetsTheOpenServerAndNamesProfilesInEitherLanguage() {
    Locator tab = openServer();
    String local = tab.locator("[data-testid=local-address]").textContent();
    page.locator("[data-testid=tabhead-sim]").click();
    Locator panel = page.locator("[data-testid=simulate]");
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=sim-target]")).hasValue("1");
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=sim-target] option:checked"))
        .containsText(local);
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=sim-profile] option:checked"))
        .hasText("Echo client (echo-client)");
    page.locator("#lang").selectOption("zh");
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=sim-profile] option:checked"))
        .hasText("回显客户端 (echo-client)");
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=sim-target]")).hasValue("1");
    panel.locator("[data-testid=sim-target]").selectOption("");
    page.locator("[data-testid=tabhead-1]").click();
    page.locator("[data-testid=tabhead-sim]").click();
    // A target the user chose stays chosen.
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=sim-target]")).hasValue("");
  }
}
