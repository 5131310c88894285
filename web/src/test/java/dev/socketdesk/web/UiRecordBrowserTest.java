package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The session's Record button captures to a pcap file the page downloads, and the log exports as
 * JSON lines and CSV written from the core's event record.
 */
class UiRecordBrowserTest extends PageTest {

  @Test
  @Timeout(60)
  void recordDownloadAndExport() throws Exception {
    fillNewSession("tcp-server");
    page.locator("[data-testid=new-session] [data-testid=new-open]").click();
    Locator tab = openedTab(1);
    Locator record = tab.locator("[data-testid=record]");
    PlaywrightAssertions.assertThat(tab.locator("[data-testid=pcap-download]")).isHidden();
    record.click();
    PlaywrightAssertions.assertThat(record).hasAttribute("aria-pressed", "true");
    byte[] hello = "hello pcap\n".getBytes(StandardCharsets.UTF_8);
    try (Socket board = new Socket("127.0.0.1", port(tab))) {
      OutputStream out = board.getOutputStream();
      out.write(hello);
      out.flush();
      PlaywrightAssertions.assertThat(tab.locator("[data-testid=bytes-in]"))
          .hasText(String.valueOf(hello.length));
    }
    PlaywrightAssertions.assertThat(tab.locator("[data-testid=log]")).containsText("hello pcap");
    record.click();
    PlaywrightAssertions.assertThat(record).hasAttribute("aria-pressed", "false");

    Download pcap = page.waitForDownload(() -> tab.locator("[data-testid=pcap-download]").click());
    byte[] file = Files.readAllBytes(pcap.path());
    assertThat(pcap.suggestedFilename()).startsWith("session-1-").endsWith(".pcap");
    assertThat(file).as("classic pcap magic").startsWith(0xa1, 0xb2, 0xc3, 0xd4);
    assertThat(new String(file, StandardCharsets.ISO_8859_1)).contains("hello pcap");

    Download jsonl = page.waitForDownload(() -> tab.locator("[data-testid=export-jsonl]").click());
    List<JsonNode> events = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl.path())) {
      events.add(new ObjectMapper().readTree(line));
    }
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.path("event").asText()).isEqualTo("received");
              assertThat(e.path("text").asText()).isEqualTo("hello pcap\\n");
              assertThat(e.path("bytes").asInt()).isEqualTo(hello.length);
              assertThat(e.path("ts").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
            });
    assertThat(events).anySatisfy(e -> assertThat(e.path("event").asText()).isEqualTo("listening"));

    Download csv = page.waitForDownload(() -> tab.locator("[data-testid=export-csv]").click());
    List<String> rows = Files.readAllLines(csv.path());
    assertThat(rows.get(0))
        .isEqualTo("ts,event,peerId,peer,bytes,text,hex,reason,message,code,kind");
    assertThat(rows).anyMatch(r -> r.contains(",received,1,") && r.contains("hello pcap\\n"));
  }
}
