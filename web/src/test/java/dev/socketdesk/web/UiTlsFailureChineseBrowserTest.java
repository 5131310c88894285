package dev.socketdesk.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A TLS failure (f_tls-not-tls, worded by side) reads in Chinese on a Chinese page. */
class UiTlsFailureChineseBrowserTest extends PageTest {
  @Test
  @Timeout(90)
  void aTlsClientToAPlainServerFailsInChinese() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Void> greeter =
          CompletableFuture.runAsync(
              () -> {
                try (Socket s = plain.accept()) {
                  s.getOutputStream()
                      .write("220 plain greeting\r\n".getBytes(StandardCharsets.US_ASCII));
                  s.getInputStream().read();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      page.locator("#lang").selectOption("zh");
      Locator form = page.locator("[data-testid=new-session]");
      form.locator("[data-testid=new-type] input[value=tcp-client]")
          .check(new Locator.CheckOptions().setForce(true));
      form.locator("[data-testid=new-remote]").fill("127.0.0.1:" + plain.getLocalPort());
      form.locator("[data-testid=new-tls]").check();
      form.locator("[data-testid=new-open]").click();
      PlaywrightAssertions.assertThat(page.locator("#main"))
          .containsText(
              "127.0.0.1:" + plain.getLocalPort() + " 在该端口上不使用 TLS（是普通 TCP）；请关闭 TLS，或连接它的 TLS 端口");
      greeter.join();
    }
  }
}
