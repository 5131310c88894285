package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonObject;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 10, part 4.7: in Chinese the log toolbar's Save stays on the toolbar's row at 1024 px, and
 * "Send to" shows its whole label at 1400 px, for UDP's default and a client that left.
 */
class UiChineseLayoutBrowserTest extends PageTest {

  private Page chinese(int width) {
    BrowserContext zh =
        chrome.browser.newContext(
            new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(width, 860));
    Page p = zh.newPage();
    p.setDefaultTimeout(10_000);
    p.navigate(ui.server.url());
    return p;
  }

  @Test
  @Timeout(90)
  void saveStaysOnTheLogToolbarRowAt1024Px() throws Exception {
    ui.create(
        new JsonObject()
            .put("type", "tcp-server")
            .put("localHost", "127.0.0.1")
            .put("localPort", 0));
    Page p = chinese(1024);
    try {
      Locator tab = p.locator("section.tabview:not(.hidden)");
      Locator save = tab.locator("[data-testid=save]");
      PlaywrightAssertions.assertThat(save).hasText("保存");
      BoundingBox saveBox = save.boundingBox();
      BoundingBox head = tab.locator(".log-card .toolbar h2").boundingBox();
      BoundingBox card = tab.locator(".log-card").boundingBox();
      assertThat(Math.abs((saveBox.y + saveBox.height / 2) - (head.y + head.height / 2)))
          .as("Save sits on the row of the Receive heading")
          .isLessThan(6.0);
      assertThat(saveBox.height).as("one line of text").isLessThan(32.0);
      assertThat(saveBox.x + saveBox.width).isLessThanOrEqualTo(card.x + card.width);
      Object oneRow =
          tab.locator(".log-card .toolbar")
              .evaluate(
                  "bar => [...bar.children].filter((c) => c.offsetParent !== null).every((c) => {"
                      + " const r = c.getBoundingClientRect();"
                      + " return r.height < 32 && c.scrollWidth <= c.clientWidth + 1"
                      + " && r.right <= bar.getBoundingClientRect().right + 1; })");
      assertThat(oneRow)
          .as("every item of the log toolbar shows whole on one line: heading, views, encoding")
          .isEqualTo(true);
      BrowserSupport.screenshot(p, "zh-1024");
    } finally {
      p.context().close();
    }
  }

  @Test
  @Timeout(90)
  void sendToShowsItsWholeLabelAt1400Px() throws Exception {
    int server =
        ui.create(
            new JsonObject()
                .put("type", "tcp-server")
                .put("localHost", "127.0.0.1")
                .put("localPort", 0));
    ui.create(
        new JsonObject().put("type", "udp").put("localHost", "127.0.0.1").put("localPort", 0));
    Page p = chinese(1400);
    try {
      p.locator("[data-testid=tabhead-2]").click();
      Locator udpTarget = p.locator("section.tabview[data-testid=tab-2] [data-testid=send-target]");
      PlaywrightAssertions.assertThat(udpTarget.locator("option:checked"))
          .hasText("默认（远程 / 最后的发送方）");
      assertWholeLabel(udpTarget);

      p.locator("[data-testid=tabhead-" + server + "]").click();
      Locator tab = p.locator("section.tabview[data-testid=tab-" + server + "]");
      String local = tab.locator("[data-testid=local-address]").textContent();
      Socket board = new Socket("127.0.0.1", Integer.parseInt(local.replaceAll(".*:", "")));
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=peers] tbody tr")).hasCount(1);
      tab.locator("[data-testid=peers] tr[data-peer='1']").click();
      board.close();
      Locator target = tab.locator("[data-testid=send-target]");
      PlaywrightAssertions.assertThat(target.locator("option:checked"))
          .hasText("#1 127.0.0.1:" + board.getLocalPort() + "（已断开）");
      assertWholeLabel(target);
      BrowserSupport.screenshot(p, "zh-1400-send-to");
    } finally {
      p.context().close();
    }
  }

  /** The chosen option's text, the select's padding and its arrow fit in the select. */
  private static void assertWholeLabel(Locator select) {
    Object fits =
        select.evaluate(
            "el => { const cs = getComputedStyle(el);"
                + " const c = document.createElement('canvas').getContext('2d');"
                + " c.font = cs.fontSize + ' ' + cs.fontFamily;"
                + " const text = c.measureText(el.options[el.selectedIndex].text).width;"
                + " return text + parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight) + 20"
                + " <= el.clientWidth; }");
    assertThat(fits).as("the whole label of %s shows", select).isEqualTo(true);
  }
}
