package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A page beyond the UI's limit of 20 says so in its banner instead of staying blank. */
class UiPageLimitBrowserTest extends PageTest {

  @Test
  @Timeout(60)
  void aPageBeyondTheLimitShowsWhy() throws Exception {
    PlaywrightAssertions.assertThat(page.locator("#conn")).hasClass(Pattern.compile("ok"));
    page.navigate("about:blank");
    List<UiHarness.PageSocket> others = new ArrayList<>();
    try {
      int served = 0;
      for (int attempt = 0; attempt < 60 && served < 20; attempt++) {
        UiHarness.PageSocket p = ui.page();
        others.add(p);
        if (p.next(m -> true).getString("type").equals("hello")) {
          served++;
        }
      }
      assertThat(served).isEqualTo(20);
      page.navigate(ui.server.url());
      PlaywrightAssertions.assertThat(page.locator("#banner .banner-text"))
          .hasText(
              "Not connected: this SocketDesk already serves 20 pages, its limit."
                  + " Close another SocketDesk tab or window, then reload.");
    } finally {
      others.forEach(UiHarness.PageSocket::close);
    }
  }
}
