package dev.socketdesk.web;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, as DEVELOPERS.md says: nothing downloads a browser. With
 * {@code CI=true} a missing {@code /usr/bin/chromium} fails; locally the tests are skipped.
 */
final class BrowserSupport implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final List<String> ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync");

  final Playwright playwright;
  final Browser browser;

  private BrowserSupport() {
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(ARGS));
  }

  /** Launches Chromium, or fails (CI) / skips (locally) with a clear message when it is missing. */
  static BrowserSupport launch() {
    if (!Files.isExecutable(CHROMIUM)) {
      String message =
          "browser tests need Debian's Chromium at "
              + CHROMIUM
              + "; install it with: apt-get update && apt-get install -y chromium fonts-noto-cjk";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail("CI=true: " + message);
      }
      assumeTrue(false, "skipping: " + message);
    }
    return new BrowserSupport();
  }

  static void screenshot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
