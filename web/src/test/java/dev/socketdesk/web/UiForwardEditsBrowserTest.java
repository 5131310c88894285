package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The New session form's rewrite and drop rows of a forward (issue 11). */
class UiForwardEditsBrowserTest extends PageTest {
  Locator form() {
    return page.locator("[data-testid=new-session]");
  }

  Locator addEdit(String direction, String match, String replacement) {
    form().locator("[data-testid=new-add-edit]").click();
    Locator row = form().locator("[data-testid=edit-row]").last();
    row.locator("[data-testid=edit-direction]").selectOption(direction);
    row.locator("[data-testid=edit-match]").fill(match);
    row.locator("[data-testid=edit-replacement]").fill(replacement);
    return row;
  }

  @Test
  @Timeout(90)
  void editRowsReachTheSpecAndEditWhatTheTargetGets() throws Exception {
    try (ServerSocket target = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      target.setSoTimeout(10_000);
      PlaywrightAssertions.assertThat(form().locator("[data-testid=new-edits]")).isHidden();
      fillNewSession("forward");
      PlaywrightAssertions.assertThat(form().locator("[data-testid=new-edits]")).isVisible();
      form().locator("[data-testid=new-target]").fill("127.0.0.1:" + target.getLocalPort());
      addEdit("to-target", "secret=\\d+", "secret=***");
      addEdit("to-target", "(", "x");
      form().locator("[data-testid=new-open]").click();
      PlaywrightAssertions.assertThat(form().locator("[data-testid=new-error]"))
          .containsText("is not a valid regex");
      assertThat(ui.get("/api/state").json().getJsonArray("tabs")).isEmpty();

      form().locator("[data-testid=edit-row]").last().locator("[data-testid=edit-remove]").click();
      Locator drop = addEdit("to-target", "FF 00", "");
      drop.locator("[data-testid=edit-hex]").check();
      form().locator("[data-testid=new-add-edit]").click();
      form().locator("[data-testid=new-open]").click();
      Locator tab = openedTab(1);

      JsonArray edits =
          ui.get("/api/state")
              .json()
              .getJsonArray("tabs")
              .getJsonObject(0)
              .getJsonObject("spec")
              .getJsonArray("edits");
      assertThat(edits).hasSize(2);
      assertThat(edits.getJsonObject(0).getString("match")).isEqualTo("secret=\\d+");
      JsonObject second = edits.getJsonObject(1);
      assertThat(second.getBoolean("hex")).isTrue();
      assertThat(second.getString("replacement")).isEmpty();

      try (Socket client = new Socket("127.0.0.1", port(tab));
          Socket relayed = target.accept()) {
        client
            .getOutputStream()
            .write(
                new byte[] {'s', 'e', 'c', 'r', 'e', 't', '=', '4', '2', (byte) 0xFF, 0x00, '\n'});
        client.shutdownOutput();
        assertThat(new String(relayed.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
            .isEqualTo("secret=***\n");
      }
    }
  }

  @Test
  @Timeout(90)
  void theRowsSpeakChinese() {
    page.locator("#lang").selectOption("zh");
    fillNewSession("forward");
    form().locator("[data-testid=new-add-edit]").click();
    Locator row = form().locator("[data-testid=edit-row]");
    PlaywrightAssertions.assertThat(row.locator("[data-testid=edit-direction] option").first())
        .hasText("发往目标");
    PlaywrightAssertions.assertThat(row.locator("[data-testid=edit-replacement]"))
        .hasAttribute("placeholder", "替换为（留空 = 丢弃）");
    PlaywrightAssertions.assertThat(form().locator("[data-testid=new-edits] > label"))
        .hasText("改写或丢弃转发的数据");
  }
}
