package dev.socketdesk.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Tests panel in Chromium: a bad script's location inline, then a passing run step by step. */
class UiTestsBrowserTest extends PageTest {

  @Test
  @Timeout(90)
  void runsAScriptAgainstASimulatedBoardAndShowsEachStep() {
    page.locator("[data-testid=tabhead-tests]").click();
    Locator panel = page.locator("[data-testid=tests]");
    PlaywrightAssertions.assertThat(panel).isVisible();

    Locator script = panel.locator("[data-testid=test-script]");
    script.fill(UiTestsApiTest.PASSING.replace("- send:", "- sned:"));
    panel.locator("[data-testid=test-run]").click();
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=test-error]"))
        .containsText("7:9: unknown step 'sned'");

    script.fill(UiTestsApiTest.PASSING);
    panel.locator("[data-testid=test-run]").click();
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=test-error]")).isEmpty();
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=test-summary]"))
        .containsText("1 passed, 0 failed");
    Locator steps = panel.locator("[data-testid=test-step]");
    PlaywrightAssertions.assertThat(steps).hasCount(3);
    PlaywrightAssertions.assertThat(steps.nth(0)).containsText("simulate tcp-echo-server");
    PlaywrightAssertions.assertThat(steps.nth(2)).containsText("ok");
    PlaywrightAssertions.assertThat(steps.nth(2)).containsText(" ms");
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=test-transcript]"))
        .containsText("hello board");
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=test-cancel]")).isDisabled();
    BrowserSupport.screenshot(page, "tests");

    page.locator("[data-testid=lang]").selectOption("zh");
    PlaywrightAssertions.assertThat(page.locator("[data-testid=tabhead-tests]")).hasText("测试");
    PlaywrightAssertions.assertThat(panel.locator("[data-testid=test-summary]"))
        .containsText("1 个通过，0 个失败");
  }
}
