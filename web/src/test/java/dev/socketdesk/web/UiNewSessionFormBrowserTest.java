package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.vertx.core.json.JsonObject;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 10, parts 4.1 and 4.2: the New session form sends and checks only the fields of the chosen
 * type, and UDP "port in use" is an inline error with no tab, as for TCP.
 */
class UiNewSessionFormBrowserTest extends PageTest {

  Locator form() {
    return page.locator("[data-testid=new-session]");
  }

  void type(String type) {
    form()
        .locator("[data-testid=new-type] input[value=" + type + "]")
        .check(new Locator.CheckOptions().setForce(true));
  }

  @Test
  @Timeout(90)
  void aPortTypedForAServerDoesNotStopAClientAndAClientsRemoteDoesNotFollowAServer()
      throws Exception {
    try (ServerSocket board = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      board.setSoTimeout(10_000);
      type("tcp-server");
      form().locator("[data-testid=new-port]").fill("70000");
      type("tcp-client");
      PlaywrightAssertions.assertThat(form().locator("[data-testid=new-port]")).isHidden();
      form().locator("[data-testid=new-remote]").fill("127.0.0.1:" + board.getLocalPort());
      form().locator("[data-testid=new-open]").click();
      try (Socket accepted = board.accept()) {
        assertThat(accepted.isConnected()).isTrue();
        Locator client = page.locator("section.tabview[data-testid=tab-1]");
        PlaywrightAssertions.assertThat(client.locator("[data-testid=state]")).containsText("Open");
        PlaywrightAssertions.assertThat(form().locator("[data-testid=new-error]")).hasText("");

        page.locator("[data-testid=tabhead-new]").click();
        PlaywrightAssertions.assertThat(form().locator("[data-testid=new-remote]"))
            .hasValue("127.0.0.1:" + board.getLocalPort());
        fillNewSession("tcp-server");
        form().locator("[data-testid=new-open]").click();
        Locator server = openedTab(2);
        PlaywrightAssertions.assertThat(server.locator(".session-card"))
            .not()
            .containsText(String.valueOf(board.getLocalPort()));
        PlaywrightAssertions.assertThat(server.locator(".i-remote")).isHidden();
        JsonObject spec =
            ui.get("/api/state").json().getJsonArray("tabs").getJsonObject(1).getJsonObject("spec");
        assertThat(spec.getString("remote", "")).isEmpty();
      }
    }
  }

  @Test
  @Timeout(90)
  void udpPortInUseIsAnInlineErrorWithNoTabLikeTcp() throws Exception {
    try (DatagramSocket udpTaken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        ServerSocket tcpTaken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      type("tcp-client");
      form().locator("[data-testid=new-more] summary").click();
      form().locator("input[name=reconnect]").check();
      fillNewSession("udp");
      form().locator("[data-testid=new-port]").fill(String.valueOf(udpTaken.getLocalPort()));
      form().locator("[data-testid=new-open]").click();
      PlaywrightAssertions.assertThat(form().locator("[data-testid=new-error]"))
          .hasText(
              "port "
                  + udpTaken.getLocalPort()
                  + " is already in use on 127.0.0.1; pick another port or stop the program"
                  + " using it");
      fillNewSession("tcp-server");
      form().locator("[data-testid=new-port]").fill(String.valueOf(tcpTaken.getLocalPort()));
      form().locator("[data-testid=new-open]").click();
      PlaywrightAssertions.assertThat(form().locator("[data-testid=new-error]"))
          .hasText(
              "port "
                  + tcpTaken.getLocalPort()
                  + " is already in use on 127.0.0.1; pick another port or stop the program"
                  + " using it");
      PlaywrightAssertions.assertThat(page.locator("#tabs .tab")).hasCount(0);
      assertThat(ui.get("/api/state").json().getJsonArray("tabs")).isEmpty();
      PlaywrightAssertions.assertThat(page.locator("[data-testid=new-session]")).isVisible();
    }
  }
}
