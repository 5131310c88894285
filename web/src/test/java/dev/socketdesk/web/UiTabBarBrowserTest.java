package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 10, part 4.5: with many sessions the tab bar keeps "+ New session" and "Simulate devices"
 * in view and usable, and the session tabs shrink and scroll, at 1400 and 1024 px, in English and
 * Chinese.
 */
class UiTabBarBrowserTest extends PageTest {

  @Test
  @Timeout(90)
  void sixSessionsAt1400Px() throws Exception {
    checkTabBar(6, 1400, "en-US");
  }

  @Test
  @Timeout(90)
  void fourSessionsAt1024PxInChinese() throws Exception {
    checkTabBar(4, 1024, "zh-CN");
  }

  private void checkTabBar(int sessions, int width, String locale) throws Exception {
    for (int i = 0; i < sessions; i++) {
      ui.create(
          new JsonObject()
              .put("type", "tcp-server")
              .put("localHost", "127.0.0.1")
              .put("localPort", 0));
    }
    try (BrowserContext sized =
        chrome.browser.newContext(
            new Browser.NewContextOptions().setLocale(locale).setViewportSize(width, 800))) {
      Page p = sized.newPage();
      p.setDefaultTimeout(10_000);
      p.navigate(ui.server.url());
      PlaywrightAssertions.assertThat(p.locator("#tabs .tab")).hasCount(sessions);
      BrowserSupport.screenshot(p, "tabbar-" + sessions + "-at-" + width);
      for (String id : new String[] {"tabhead-new", "tabhead-sim"}) {
        Locator button = p.locator("[data-testid=" + id + "]");
        assertFullyInView(p, button, width);
        button.click(new Locator.ClickOptions().setTrial(true).setTimeout(2_000));
      }
      for (int i = 1; i <= sessions; i++) {
        p.locator("[data-testid=tabhead-" + i + "]").click();
        PlaywrightAssertions.assertThat(p.locator("[data-testid=tabhead-" + i + "]"))
            .hasClass(Pattern.compile("active"));
        assertFullyInView(p, p.locator("[data-testid=tabhead-" + i + "]"), width);
        assertFullyInView(p, p.locator("[data-testid=tabhead-sim]"), width);
      }
      p.locator("[data-testid=tabhead-sim]").click();
      PlaywrightAssertions.assertThat(p.locator("[data-testid=simulate]")).isVisible();
      p.locator("[data-testid=tabhead-new]").click();
      PlaywrightAssertions.assertThat(p.locator("[data-testid=new-session]")).isVisible();
      Object fits =
          p.evaluate(
              "() => { const s = document.getElementById('tabs');"
                  + " return s.scrollWidth <= s.clientWidth"
                  + " || getComputedStyle(s).overflowX === 'auto'; }");
      assertThat(fits).as("the session tabs fit or scroll").isEqualTo(true);
      Object topbarFits =
          p.evaluate("() => document.querySelector('.topbar').scrollWidth <= innerWidth");
      assertThat(topbarFits).as("nothing in the top bar is pushed past the window").isEqualTo(true);
    }
  }

  /** {@code el} lies inside the window and is the element a click at its centre reaches. */
  private static void assertFullyInView(Page p, Locator el, int width) {
    BoundingBox box = el.boundingBox();
    assertThat(box).as("%s is rendered", el).isNotNull();
    assertThat(box.x).isGreaterThanOrEqualTo(0);
    assertThat(box.x + box.width).isLessThanOrEqualTo(width);
    Object hit =
        el.evaluate(
            "el => { const r = el.getBoundingClientRect();"
                + " const at = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);"
                + " return at === el || el.contains(at); }");
    assertThat(hit).as("a click at the centre of %s reaches it", el).isEqualTo(true);
  }
}
