package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.vertx.core.json.JsonObject;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 10, part 1: the page never sends to the wrong board. With client #2 chosen and then gone,
 * "Send to" keeps #2 (shown as disconnected) and Send refuses inline, in both languages; board 1
 * gets nothing, which a later send to all clients proves (its bytes come first).
 */
class UiTargetGoneBrowserTest extends PageTest {

  @Test
  @Timeout(90)
  void aChosenClientThatDisconnectedStaysChosenAndSendRefuses() throws Exception {
    fillNewSession("tcp-server");
    page.locator("[data-testid=new-open]").click();
    Locator tab = openedTab(1);
    int port = port(tab);
    try (Socket board1 = new Socket("127.0.0.1", port)) {
      board1.setSoTimeout(10_000);
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=peers] tbody tr")).hasCount(1);
      Socket board2 = new Socket("127.0.0.1", port);
      int board2Port = board2.getLocalPort();
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=peers] tbody tr")).hasCount(2);

      tab.locator("[data-testid=peers] tr[data-peer='2']").click();
      Locator target = tab.locator("[data-testid=send-target]");
      PlaywrightAssertions.assertThat(target).hasValue("peer:2");
      board2.close();
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=peers] tbody tr")).hasCount(1);

      PlaywrightAssertions.assertThat(target).hasValue("peer:2");
      PlaywrightAssertions.assertThat(target.locator("option:checked"))
          .hasText("#2 127.0.0.1:" + board2Port + " (disconnected)");
      tab.locator("[data-testid=send-text]").fill("meant for board 2");
      tab.locator("[data-testid=send]").click();
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=send-error]"))
          .hasText(
              "Not sent: #2 127.0.0.1:"
                  + board2Port
                  + " has disconnected. Choose another target in \"Send to\".");
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=send-ok]")).hasText("");
      PlaywrightAssertions.assertThat(target).hasValue("peer:2");

      tab.locator("[data-testid=periodic]").click();
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=send-error]"))
          .hasText(
              "Not started: a periodic send goes to \"All clients\"; choose it in \"Send to\""
                  + " first.");
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=periodic]")).hasText("Start");

      page.locator("#lang").selectOption("zh");
      tab.locator("[data-testid=send-text]").press("Control+Enter");
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=send-error]"))
          .hasText("未发送：#2 127.0.0.1:" + board2Port + " 已断开。请在“发送到”中选择其他目标。");
      PlaywrightAssertions.assertThat(target.locator("option:checked"))
          .hasText("#2 127.0.0.1:" + board2Port + "（已断开）");
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=bytes-out]")).hasText("0");

      UiHarness.Reply api =
          ui.post("/api/sessions/1/send", new JsonObject().put("data", "direct").put("peer", 2));
      assertThat(api.status()).as(api.body()).isEqualTo(409);
      assertThat(api.error()).startsWith("peer #2 is not connected");

      target.selectOption("all");
      tab.locator("[data-testid=send-text]").fill("ok");
      tab.locator("[data-testid=send]").click();
      assertThat(new String(board1.getInputStream().readNBytes(2), StandardCharsets.UTF_8))
          .as("board 1's first bytes are the send to all clients: it got nothing before")
          .isEqualTo("ok");
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=bytes-out]")).hasText("2");
      PlaywrightAssertions.assertThat(target.locator("option")).hasCount(2);
    }
  }
}
