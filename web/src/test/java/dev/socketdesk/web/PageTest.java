package dev.socketdesk.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
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
}
