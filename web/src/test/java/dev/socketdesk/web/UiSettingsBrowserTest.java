package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Language, quick-sends that survive a restart, a corrupt settings file, and the security rules.
 */
class UiSettingsBrowserTest {
  static BrowserSupport chrome;
  @TempDir Path config;

  @BeforeAll
  static void launch() {
    chrome = BrowserSupport.launch();
  }

  @AfterAll
  static void stop() {
    if (chrome != null) {
      chrome.close();
    }
  }

  static BrowserContext context(String locale) {
    return chrome.browser.newContext(
        new Browser.NewContextOptions().setLocale(locale).setViewportSize(1400, 900));
  }

  static Page open(BrowserContext context, String url) {
    Page page = context.newPage();
    page.setDefaultTimeout(10_000);
    page.navigate(url);
    return page;
  }

  static int openServer(Page page) {
    page.locator("[data-testid=tabhead-new]").click();
    page.locator("[data-testid=new-local]").selectOption("127.0.0.1");
    page.locator("[data-testid=new-port]").fill("0");
    page.locator("[data-testid=new-open]").click();
    Locator local = page.locator("section.tabview:not(.hidden) [data-testid=local-address]");
    PlaywrightAssertions.assertThat(local).hasText(Pattern.compile(":[1-9][0-9]*$"));
    return Integer.parseInt(local.textContent().replaceAll(".*:", ""));
  }

  @Test
  @Timeout(90)
  void chineseFromTheBrowserSwitchableAndRemembered() throws Exception {
    try (UiHarness ui = new UiHarness(config);
        BrowserContext context = context("zh-CN")) {
      Page page = open(context, ui.server.url());
      PlaywrightAssertions.assertThat(page.locator(".new-session h1")).hasText("新建会话");
      openServer(page);
      Locator tab = page.locator("section.tabview:not(.hidden)");
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=send]")).hasText("发送");
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=log]")).containsText("正在监听");
      BrowserSupport.screenshot(page, "zh-CN");
      page.locator("[data-testid=lang]").selectOption("en");
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=send]")).hasText("Send");
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=log]"))
          .containsText("listening on");
      Path file = config.resolve("settings.json");
      Awaitility.await()
          .atMost(10, TimeUnit.SECONDS)
          .until(() -> Files.exists(file) && Files.readString(file).contains("\"lang\" : \"en\""));
      Page again = open(context, ui.server.url());
      PlaywrightAssertions.assertThat(again.locator("[data-testid=tabhead-new]"))
          .hasText("+ New session");
    }
  }

  @Test
  @Timeout(120)
  void quickSendsAreSavedEditedReusedAndSurviveARestart() throws Exception {
    try (UiHarness ui = new UiHarness(config);
        BrowserContext context = context("en-US")) {
      Page page = open(context, ui.server.url());
      int port = openServer(page);
      Locator tab = page.locator("section.tabview:not(.hidden)");
      try (Socket board = new Socket("127.0.0.1", port)) {
        board.setSoTimeout(10_000);
        PlaywrightAssertions.assertThat(tab.locator("[data-testid=peers] tbody tr")).hasCount(1);
        tab.locator("[data-testid=send-text]").fill("ping\\n");
        tab.locator("[data-testid=quick-add]").click();
        page.locator("[data-testid=quick-name]").fill("Ping");
        page.locator("[data-testid=quick-save]").click();
        Locator quick = tab.locator("[data-testid=quick-sends] .qbtn");
        PlaywrightAssertions.assertThat(quick).hasCount(1);
        PlaywrightAssertions.assertThat(quick).containsText("Ping");
        quick.locator("span").first().click();
        assertThat(new String(board.getInputStream().readNBytes(5), StandardCharsets.UTF_8))
            .isEqualTo("ping\n");
        quick.locator(".q-edit").click();
        PlaywrightAssertions.assertThat(page.locator("[data-testid=quick-name]")).hasValue("Ping");
        page.locator("[data-testid=quick-data]").fill("pong\\n");
        page.locator("[data-testid=quick-save]").click();
        quick.locator("span").first().click();
        assertThat(new String(board.getInputStream().readNBytes(5), StandardCharsets.UTF_8))
            .isEqualTo("pong\n");
        BrowserSupport.screenshot(page, "quick-sends");
      }
      Path file = config.resolve("settings.json");
      Awaitility.await()
          .atMost(10, TimeUnit.SECONDS)
          .until(() -> Files.exists(file) && Files.readString(file).contains("pong"));
    }
    try (UiHarness restarted = new UiHarness(config);
        BrowserContext context = context("en-US")) {
      Page page = open(context, restarted.server.url());
      openServer(page);
      Locator quick = page.locator("section.tabview:not(.hidden) [data-testid=quick-sends] .qbtn");
      PlaywrightAssertions.assertThat(quick).hasCount(1);
      PlaywrightAssertions.assertThat(quick).hasAttribute("title", "pong\\n");
    }
  }

  @Test
  @Timeout(60)
  void aCorruptSettingsFileIsReportedAndSetAside() throws Exception {
    Files.writeString(config.resolve("settings.json"), "{\"quickSends\": [ {\"name\": \"half");
    try (UiHarness ui = new UiHarness(config);
        BrowserContext context = context("en-US")) {
      Page page = open(context, ui.server.url());
      PlaywrightAssertions.assertThat(page.locator("[data-testid=banner]"))
          .containsText("was not valid JSON; it was moved to");
      BrowserSupport.screenshot(page, "corrupt-settings");
      List<Path> aside;
      try (Stream<Path> files = Files.list(config)) {
        aside =
            files
                .filter(p -> p.getFileName().toString().startsWith("settings.json.corrupt-"))
                .toList();
      }
      assertThat(aside).hasSize(1);
      assertThat(Files.readString(aside.get(0))).isEqualTo("{\"quickSends\": [ {\"name\": \"half");
      assertThat(config.resolve("settings.json")).doesNotExist();
    }
  }

  @Test
  @Timeout(60)
  void onLoopbackTheTokenIsNeededAndTheCookieKeepsIt() throws Exception {
    try (UiHarness ui = new UiHarness(config);
        BrowserContext context = context("en-US")) {
      Page page = context.newPage();
      Response refused = page.navigate("http://127.0.0.1:" + ui.server.port() + "/");
      assertThat(refused.status()).isEqualTo(401);
      assertThat(page.content()).contains("needs a token");
      Response ok = page.navigate(ui.server.url());
      assertThat(ok.status()).isEqualTo(200);
      PlaywrightAssertions.assertThat(page.locator("[data-testid=conn]"))
          .hasClass(Pattern.compile("ok"));
      page.navigate("http://127.0.0.1:" + ui.server.port() + "/");
      PlaywrightAssertions.assertThat(page.locator("[data-testid=conn]"))
          .hasClass(Pattern.compile("ok"));
    }
  }

  @Test
  @Timeout(60)
  void aForeignOriginIsRefusedOnTheWebSocket() throws Exception {
    try (UiHarness ui = new UiHarness(config);
        BrowserContext context = context("en-US")) {
      Page page = context.newPage();
      page.route(
          "http://evil.example/**",
          route ->
              route.fulfill(
                  new com.microsoft.playwright.Route.FulfillOptions()
                      .setContentType("text/html")
                      .setBody("<html><body>evil</body></html>")));
      page.navigate("http://evil.example/");
      String withToken = "?token=" + ui.server.token();
      String wsUrl = "ws://127.0.0.1:" + ui.server.port() + "/ws" + withToken;
      Object result =
          page.evaluate(
              "(url) => new Promise((resolve) => { const ws = new WebSocket(url);"
                  + " ws.onopen = () => resolve('open'); ws.onerror = () => resolve('refused'); })",
              wsUrl);
      assertThat(result).isEqualTo("refused");
      page.evaluate(
          "(url) => fetch(url, {method: 'POST', mode: 'no-cors', headers: {'Content-Type':"
              + " 'text/plain'}, body: JSON.stringify({type: 'tcp-server', localPort: 0})}).catch(() => null)",
          "http://127.0.0.1:" + ui.server.port() + "/api/sessions" + withToken);
      assertThat(ui.get("/api/state").json().getJsonArray("tabs")).isEmpty();
      Page own = context.newPage();
      own.navigate(ui.server.url());
      PlaywrightAssertions.assertThat(own.locator("[data-testid=conn]"))
          .hasClass(Pattern.compile("ok"));
    }
  }
}
