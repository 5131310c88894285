package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.socketdesk.core.script.RunListener;
import dev.socketdesk.core.script.RunReport;
import dev.socketdesk.core.script.RunSettings;
import dev.socketdesk.core.script.ScriptRunner;
import dev.socketdesk.core.script.Scripts;
import dev.socketdesk.core.script.Status;
import dev.socketdesk.core.script.TestResult;
import dev.socketdesk.engine.simulate.Profile;
import dev.socketdesk.engine.simulate.Simulation;
import dev.socketdesk.engine.simulate.SimulationConfig;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * "Save as test" at the foot of a session's log downloads the log as a script, which runs green
 * against the same board.
 */
class UiSaveAsTestBrowserTest extends PageTest {

  @Test
  @Timeout(60)
  void theDownloadedScriptReplaysTheExchange() throws Exception {
    try (Simulation board =
        new Simulation(
            SimulationConfig.builder(Profile.TCP_ECHO_SERVER).bind("127.0.0.1", 0).build())) {
      int port = board.start().get(10, TimeUnit.SECONDS).getPort();
      page.locator("[data-testid=new-type] input[value=tcp-client]")
          .check(new Locator.CheckOptions().setForce(true));
      page.locator("[data-testid=new-remote]").fill("127.0.0.1:" + port);
      page.locator("[data-testid=new-session] [data-testid=new-open]").click();
      Locator tab = openedTab(1);
      tab.locator("[data-testid=send-text]").fill("AT+GMR");
      tab.locator("[data-testid=send]").click();
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=bytes-in]"))
          .hasText(Pattern.compile("^[1-9]"));
      Locator save = tab.locator("[data-testid=save-as-test]");
      PlaywrightAssertions.assertThat(save).hasText("Save as test");

      Download download = page.waitForDownload(save::click);
      assertThat(download.suggestedFilename()).isEqualTo("session-1.yaml");
      String yaml = java.nio.file.Files.readString(download.path());
      assertThat(yaml)
          .contains("    connect: '127.0.0.1:" + port + "'\n")
          .contains("- send: 'AT+GMR");
      assertThat(yaml).contains("- expect: 'AT+GMR");
      RunReport report =
          new ScriptRunner(RunSettings.defaults())
              .run(List.of(Scripts.parse("session-1.yaml", yaml, Set.of())), RunListener.NONE);
      TestResult r = report.tests().get(0);
      assertThat(r.status()).as("%s\n%s", r.failure(), r.transcript()).isEqualTo(Status.PASSED);

      tab.locator("[data-testid=send-text]").fill("x".repeat(3000));
      tab.locator("[data-testid=send]").click();
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=bytes-in]"))
          .hasText(Pattern.compile("^3[.,]0"));
      save.click();
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=session-error]"))
          .hasText(Pattern.compile("^the log kept only the first 1024 of the 3000 bytes sent at "));
    }
  }
}
