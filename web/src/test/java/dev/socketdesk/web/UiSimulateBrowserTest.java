package dev.socketdesk.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Simulate devices panel in Chromium: echo-client boards against a TCP server of the page. */
class UiSimulateBrowserTest extends PageTest {

  @Test
  @Timeout(90)
  void tenEchoClientsAgainstAServerOfThePage() {
    fillNewSession("tcp-server");
    page.locator("[data-testid=new-open]").click();
    Locator serverTab = openedTab(1);
    String local = serverTab.locator("[data-testid=local-address]").textContent();

    page.locator("[data-testid=tabhead-sim]").click();
    Locator panel = page.locator("[data-testid=simulate]");
    PlaywrightAssertions.assertThat(panel).isVisible();
    panel.locator("[data-testid=sim-profile]").selectOption("echo-client");
    panel.locator("[data-testid=sim-target]").selectOption("1");
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=sim-host]")).isHidden();
    panel.locator("[data-testid=sim-count]").fill("10");
    panel.locator("[data-testid=sim-start]").click();

    Locator run = panel.locator("[data-testid=sim-run-1]");
    PlaywrightAssertions.assertThat(run.locator("[data-testid=sim-connected]")).hasText("10");
    PlaywrightAssertions.assertThat(run.locator("[data-testid=sim-failed]")).hasText("0");
    PlaywrightAssertions.assertThat(run).containsText("10 × Echo client → " + local + " (#1)");
    PlaywrightAssertions.assertThat(run.locator("[data-testid=sim-state]")).hasText("running");
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=sim-error]")).isEmpty();
    PlaywrightAssertions.assertThat(run.locator(".sim-chart canvas")).hasCount(1);
    BrowserSupport.screenshot(page, "simulate");

    page.locator("[data-testid=tabhead-1]").click();
    PlaywrightAssertions.assertThat(serverTab.locator("[data-testid=peers] tbody tr")).hasCount(10);
    PlaywrightAssertions.assertThat(serverTab.locator("[data-testid=log]"))
        .containsText("Hello WalnutPi!");
    PlaywrightAssertions.assertThat(serverTab.locator("[data-testid=bytes-in]"))
        .hasText(String.valueOf(10 * "Hello WalnutPi!".length()));

    page.locator("[data-testid=tabhead-sim]").click();
    run.locator("[data-testid=sim-stop]").click();
    PlaywrightAssertions.assertThat(run.locator("[data-testid=sim-state]")).hasText("finished");
    PlaywrightAssertions.assertThat(run.locator("[data-testid=sim-summary]"))
        .containsText("10 devices");
    PlaywrightAssertions.assertThat(run.locator("[data-testid=sim-stop]")).isHidden();

    panel.locator("[data-testid=sim-target]").selectOption("");
    panel.locator("[data-testid=sim-host]").fill("127.0.0.1:99999");
    panel.locator("[data-testid=sim-start]").click();
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=sim-error]")).containsText("99999");
    PlaywrightAssertions.assertThat(panel.locator("[data-testid^=sim-run-]")).hasCount(1);

    page.locator("[data-testid=tabhead-1]").click();
    PlaywrightAssertions.assertThat(serverTab.locator("[data-testid=peers] tbody tr")).hasCount(0);
    serverTab.locator("[data-testid=close]").click();
    PlaywrightAssertions.assertThat(serverTab.locator("[data-testid=lamp]"))
        .hasClass(Pattern.compile("closed"));

    page.locator("[data-testid=tabhead-sim]").click();
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=sim-target] option")).hasCount(1);
    panel.locator("[data-testid=sim-host]").fill(local);
    panel.locator("[data-testid=sim-count]").fill("3");
    panel.locator("[data-testid=sim-start]").click();
    Locator refused = panel.locator("[data-testid=sim-run-2]");
    PlaywrightAssertions.assertThat(refused.locator("[data-testid=sim-failed]")).hasText("3");
    PlaywrightAssertions.assertThat(refused.locator("[data-testid=sim-errors]"))
        .containsText("3 × connection refused: is the target listening on that port?");
    page.locator("[data-testid=lang]").selectOption("zh");
    PlaywrightAssertions.assertThat(page.locator("[data-testid=tabhead-sim]")).hasText("模拟设备");
    PlaywrightAssertions.assertThat(refused.locator("[data-testid=sim-errors]"))
        .containsText("按原因分组的错误");
    PlaywrightAssertions.assertThat(refused.locator("[data-testid=sim-errors]"))
        .containsText("3 × 连接被拒绝：目标是否在该端口监听？");
    PlaywrightAssertions.assertThat(refused.locator("[data-testid=sim-remove]")).hasText("移除");
    PlaywrightAssertions.assertThat(run.locator(".sim-chart canvas")).hasCount(1);
    PlaywrightAssertions.assertThat(refused.locator(".sim-chart")).isHidden();
    BrowserSupport.screenshot(page, "simulate-errors-zh");
  }

  @Test
  @Timeout(90)
  void periodicClientsSendHexPayloadsWithAChecksum() {
    fillNewSession("tcp-server");
    page.locator("[data-testid=new-open]").click();
    Locator serverTab = openedTab(1);

    page.locator("[data-testid=tabhead-sim]").click();
    Locator panel = page.locator("[data-testid=simulate]");
    panel.locator("[data-testid=sim-profile]").selectOption("echo-client");
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=sim-mode]")).isHidden();
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=sim-checksum]")).isHidden();
    panel.locator("[data-testid=sim-profile]").selectOption("periodic-client");
    panel.locator("[data-testid=sim-target]").selectOption("1");
    panel.locator("[data-testid=sim-count]").fill("2");
    panel.locator("[data-testid=sim-interval]").fill("100");
    panel.locator("[data-testid=sim-messages]").fill("3");
    panel.locator("[data-testid=sim-mode]").selectOption("hex");
    panel.locator("[data-testid=sim-payloads]").fill("41 42 43");
    panel.locator("[data-testid=sim-checksum]").selectOption("xor8");
    panel.locator("[data-testid=sim-line-ending]").selectOption("lf");
    panel.locator("[data-testid=sim-start]").click();
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=sim-error]")).isEmpty();

    page.locator("[data-testid=tabhead-1]").click();
    int each = "ABC@\n".length();
    PlaywrightAssertions.assertThat(serverTab.locator("[data-testid=bytes-in]"))
        .hasText(String.valueOf(2 * 3 * each));
    PlaywrightAssertions.assertThat(serverTab.locator("[data-testid=log]")).containsText("ABC@");

    page.locator("[data-testid=tabhead-sim]").click();
    panel.locator("[data-testid=sim-payloads]").fill("41 4G");
    panel.locator("[data-testid=sim-start]").click();
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=sim-error]")).containsText("4G");
  }
}
