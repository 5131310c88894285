package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 10, parts 4.4 and 4.6 in Chromium: GBK 你好 in a UTF-8 view loses no byte and puts none in
 * the wrong line, and the lines a burst kept from the page can be loaded.
 */
class UiLogBrowserTest extends PageTest {
  private static final byte[] GBK_NIHAO = {(byte) 0xC4, (byte) 0xE3, (byte) 0xBA, (byte) 0xC3};

  Locator open(String type) {
    fillNewSession(type);
    page.locator("[data-testid=new-open]").click();
    return openedTab(1);
  }

  @Test
  @Timeout(90)
  void overTcpAHeldPartialCharacterShowsAfterAShortIdle() throws Exception {
    Locator tab = open("tcp-server");
    Locator log = tab.locator("[data-testid=log]");
    try (Socket board = new Socket("127.0.0.1", port(tab))) {
      OutputStream out = board.getOutputStream();
      out.write(GBK_NIHAO);
      out.flush();
      PlaywrightAssertions.assertThat(log.locator(".row.in .data")).hasText("\\xC4\\xE3\\xBA");
      PlaywrightAssertions.assertThat(log.locator(".row.sys .data").last())
          .hasText("incomplete character at the end of the data, shown as bytes: \\xC3");
      out.write("AB".getBytes(StandardCharsets.UTF_8));
      out.flush();
      PlaywrightAssertions.assertThat(log.locator(".row.in .data").last()).hasText("AB");
    }
    PlaywrightAssertions.assertThat(log.locator(".row.sys .data").last())
        .hasText("disconnected (closed by peer)");
  }

  @Test
  @Timeout(90)
  void overUdpEachDatagramIsDecodedOnItsOwn() throws Exception {
    Locator tab = open("udp");
    Locator log = tab.locator("[data-testid=log]");
    try (DatagramSocket board = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      InetAddress to = InetAddress.getLoopbackAddress();
      board.send(new DatagramPacket(GBK_NIHAO, GBK_NIHAO.length, to, port(tab)));
      PlaywrightAssertions.assertThat(log.locator(".row.in .data")).hasText("\\xC4\\xE3\\xBA\\xC3");
      byte[] ab = "AB".getBytes(StandardCharsets.UTF_8);
      board.send(new DatagramPacket(ab, ab.length, to, port(tab)));
      PlaywrightAssertions.assertThat(log.locator(".row.in .data"))
          .containsText(new String[] {"\\xC4\\xE3\\xBA\\xC3", "AB"});
    }
  }

  @Test
  @Timeout(90)
  void theLinesABurstKeptFromThePageCanBeLoaded() throws Exception {
    Locator tab = open("udp");
    int count = 600;
    int port = port(tab);
    try (DatagramSocket board = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      board.setSendBufferSize(1 << 20);
      InetAddress to = InetAddress.getLoopbackAddress();
      // Bursts of 100, each well within a socket buffer, each faster than a batch's 50 lines.
      for (int i = 0; i < count; i++) {
        byte[] d = String.format("reading %04d", i).getBytes(StandardCharsets.US_ASCII);
        board.send(new DatagramPacket(d, d.length, to, port));
        if (i % 100 == 99) {
          PlaywrightAssertions.assertThat(tab.locator("[data-testid=msgs-in]"))
              .hasText(String.valueOf(i + 1));
        }
      }
    }
    Locator dropped = tab.locator("[data-testid=dropped]");
    PlaywrightAssertions.assertThat(dropped).hasText(Pattern.compile("^[0-9,]+ lines not shown.*"));
    Locator load = tab.locator("[data-testid=load-dropped]");
    PlaywrightAssertions.assertThat(load).isVisible();
    load.click();
    PlaywrightAssertions.assertThat(dropped).hasText("");
    PlaywrightAssertions.assertThat(load).isHidden();
    Object shown =
        page.evaluate(
            "() => window.socketdesk.tabs.get(1).log.lines"
                + ".filter((l) => l.d === 'in').map((l) => l.x)");
    assertThat((java.util.List<?>) shown).hasSize(count);
    assertThat(((java.util.List<?>) shown).get(0)).isEqualTo("reading 0000");
    assertThat(((java.util.List<?>) shown).get(count - 1)).isEqualTo("reading 0599");
  }
}
