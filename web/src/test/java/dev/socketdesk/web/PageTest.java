package dev.socketdesk.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of browser tests that use one page per test: one Chromium per class, and per test a fresh UI
 * server (port 0, its own config directory) with an English page of 1400 x 900 opened on it.
 */
abstract class PageTest {
  static BrowserSupport chrome;
  @TempDir Path config;
  UiHarness ui;
  BrowserContext context;
  Page page;

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

  @BeforeEach
  void open() {
    ui = new UiHarness(config);
    context =
        chrome.browser.newContext(
            new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1400, 900));
    page = context.newPage();
    page.setDefaultTimeout(10_000);
    page.navigate(ui.server.url());
  }

  @AfterEach
  void close() {
    if (context != null) {
      context.close();
    }
    if (ui != null) {
      ui.close();
    }
  }

  /** Fills the New session form for a session of {@code type} on 127.0.0.1, any free port. */
  void fillNewSession(String type) {
    page.locator("[data-testid=new-type] input[value=" + type + "]")
        .check(new Locator.CheckOptions().setForce(true));
    page.locator("[data-testid=new-local]").selectOption("127.0.0.1");
    page.locator("[data-testid=new-port]").fill("0");
  }

  /** The tab of session {@code id}, once it shows its bound address. */
  Locator openedTab(int id) {
    Locator tab = page.locator("section.tabview[data-testid=tab-" + id + "]");
    PlaywrightAssertions.assertThat(tab.locator("[data-testid=local-address]"))
        .hasText(Pattern.compile("^127\\.0\\.0\\.1:[1-9][0-9]*$"));
    return tab;
  }

  /** The bound port shown in {@code tab}. */
  static int port(Locator tab) {
    String local = tab.locator("[data-testid=local-address]").textContent();
    return Integer.parseInt(local.substring(local.lastIndexOf(':') + 1));
  }
}
