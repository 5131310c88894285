package dev.socketdesk.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.InputStream;
import java.net.Socket;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The New session form's "More options" in Chromium: each type shows its own, they apply, and a
 * hidden one of another type does not get in the way.
 */
class UiMoreOptionsBrowserTest extends PageTest {

  @Test
  @Timeout(60)
  void maxClientsRefusesTheSecondBoard() throws Exception {
    Locator form = page.locator("[data-testid=new-session]");
    form.locator("[data-testid=new-more] summary").click();
    form.locator("[data-testid=new-type] input[value=udp]")
        .check(new Locator.CheckOptions().setForce(true));
    PlaywrightAssertions.assertThat(form.locator("[data-testid=new-broadcast]")).isVisible();
    PlaywrightAssertions.assertThat(form.locator("[data-testid=new-multicast]")).isVisible();
    PlaywrightAssertions.assertThat(form.locator("[data-testid=new-max-clients]")).isHidden();
    form.locator("[data-testid=new-type] input[value=tcp-client]")
        .check(new Locator.CheckOptions().setForce(true));
    PlaywrightAssertions.assertThat(form.locator("[data-testid=new-connect-timeout]"))
        .hasValue("5");
    PlaywrightAssertions.assertThat(form.locator("[data-testid=new-broadcast]")).isHidden();

    fillNewSession("tcp-server");
    form.locator("[data-testid=new-max-clients]").fill("x");
    form.locator("[data-testid=new-open]").click();
    PlaywrightAssertions.assertThat(form.locator("[data-testid=new-error]"))
        .hasText("maxClients 'x' is not a whole number");
    form.locator("[data-testid=new-max-clients]").fill("1");
    form.locator("[data-testid=new-open]").click();

    Locator tab = openedTab(1);
    int port = port(tab);
    try (Socket first = new Socket("127.0.0.1", port);
        Socket second = new Socket("127.0.0.1", port)) {
      second.setSoTimeout(10_000);
      InputStream in = second.getInputStream();
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=log]"))
          .containsText("the client limit (1) is reached");
      org.assertj.core.api.Assertions.assertThat(in.read()).isEqualTo(-1);
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=peers] tbody tr")).hasCount(1);
    }

    page.locator("[data-testid=tabhead-new]").click();
    form.locator("[data-testid=new-max-clients]").fill("x");
    fillNewSession("udp");
    form.locator("[data-testid=new-open]").click();
    PlaywrightAssertions.assertThat(openedTab(2).locator("[data-testid=lamp]"))
        .hasClass(Pattern.compile("open"));
  }
}
