package dev.socketdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, part 2: slow and stuck pages cannot exhaust the UI server. Each test runs the UI in
 * this JVM, so the process's RSS, heap and open fds are the server's (plus the test's own sockets).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiSlowClientsTest {
  private static final long MIB = 1024 * 1024;

  @TempDir Path config;

  @Test
  @Order(1)
  @Timeout(120)
  void threeHundredNonReadingPagesAgainstAFullTab() throws Exception {
    try (UiHarness ui = new UiHarness(config);
        DatagramSocket board = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      int udpPort = fullTab(ui, board);
      for (int i = 0; i < 30; i++) {
        stateMillis(ui);
      }
      long rssBefore = settledRss();
      long heapBefore = heapCommitted();
      List<Socket> pages = new ArrayList<>();
      long slowest = 0;
      try {
        for (int i = 0; i < 300; i++) {
          pages.add(stuckPage(ui, "127.0.0." + (2 + i / 100)));
          if (i % 25 == 24) {
            sendReadings(board, udpPort, 50);
            slowest = Math.max(slowest, stateMillis(ui));
          }
        }
        for (int i = 0; i < 10; i++) {
          sendReadings(board, udpPort, 50);
          slowest = Math.max(slowest, stateMillis(ui));
        }
        long heapGrowth = heapCommitted() - heapBefore;
        long growth = rssBytes() - rssBefore - Math.min(0, heapGrowth);
        System.out.printf(
            "300 non-reading pages: RSS growth %d MiB, slowest /api/state %d ms%n",
            growth / MIB, slowest);
        assertThat(growth).as("RSS growth").isLessThan(150 * MIB);
        assertThat(slowest).as("slowest GET /api/state, ms").isLessThan(1000);
      } finally {
        for (Socket s : pages) {
          s.close();
        }
      }
    }
  }

  @Test
  @Timeout(120)
  void aThousandSlowlorisConnectionsTimeOutAndTheirFdsReturn() throws Exception {
    try (UiHarness ui = new UiHarness(config)) {
      assertThat(stateMillis(ui)).isLessThan(1000);
      long baseline = openFds();
      List<Socket> slow = new ArrayList<>();
      long slowest = 0;
      try {
        for (int i = 0; i < 1000; i++) {
          Socket s = UiServerLimitsTest.connect(ui, "127.0.0." + (10 + i / 125));
          slow.add(s);
          s.getOutputStream()
              .write(
                  ("GET /api/state HTTP/1.1\r\nHost: 127.0.0.1:" + ui.server.port() + "\r\nX-A: ")
                      .getBytes(StandardCharsets.ISO_8859_1));
          if (i % 100 == 99) {
            slowest = Math.max(slowest, stateMillis(ui));
          }
        }
        slowest = Math.max(slowest, stateMillis(ui));
        for (Socket s : slow) {
          s.setSoTimeout(15_000);
          assertThat(UiServerLimitsTest.readToEnd(s.getInputStream()))
              .as("the server closes a connection whose head never completes")
              .isEmpty();
        }
      } finally {
        for (Socket s : slow) {
          s.close();
        }
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(openFds()).isLessThanOrEqualTo(baseline + 4));
      System.out.printf(
          "1000 slowloris: slowest /api/state %d ms, fds %d -> %d%n", slowest, baseline, openFds());
      assertThat(slowest).as("slowest GET /api/state, ms").isLessThan(1000);
    }
  }

  @Test
  @Timeout(120)
  void oneStuckPageAndFourHundredStateChanges() throws Exception {
    try (UiHarness ui = new UiHarness(config);
        DatagramSocket board = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      fullTab(ui, board);
      long heapBefore = liveHeap();
      try (Socket stuck = stuckPage(ui, "127.0.0.1")) {
        for (int i = 0; i < 400; i++) {
          String encoding = i % 2 == 0 ? "GBK" : "UTF-8";
          UiHarness.Reply r =
              ui.put("/api/sessions/1/display", new JsonObject().put("encoding", encoding));
          assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        JsonObject tab = ui.get("/api/state").json().getJsonArray("tabs").getJsonObject(0);
        assertThat(tab.getString("encoding")).isEqualTo("UTF-8");
        long growth = liveHeap() - heapBefore;
        System.out.printf(
            "stuck page, 400 state changes: live heap growth %d KiB%n", growth / 1024);
        assertThat(growth).as("live heap growth").isLessThan(20 * MIB);
        assertThat(stuck.isClosed()).isFalse();
      }
    }
  }

  /**
   * Opens a UDP session and fills its log (5,000 lines, about the snapshot's 256 KiB of data), so
   * every hello and tab message is as large as it gets. Returns the session's port.
   */
  private static int fullTab(UiHarness ui, DatagramSocket board) throws Exception {
    int id = ui.create(new JsonObject().put("type", "udp").put("localHost", "127.0.0.1"));
    assertThat(id).isEqualTo(1);
    String local =
        ui.get("/api/state").json().getJsonArray("tabs").getJsonObject(0).getString("local");
    int port = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1));
    for (int sent = 0; sent < 5000; ) {
      sendReadings(board, port, 250);
      sent += 250;
      int expected = sent;
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> messagesIn(ui) >= expected);
    }
    return port;
  }

  private static long messagesIn(UiHarness ui) throws Exception {
    UiHarness.Reply r =
        ui.send(HttpRequest.newBuilder(URI.create(ui.base() + "/api/interfaces")).GET());
    assertThat(r.status()).isEqualTo(200);
    return ui.get("/api/state")
        .json()
        .getJsonArray("tabs")
        .getJsonObject(0)
        .getJsonObject("counters")
        .getLong("messagesIn");
  }

  private static void sendReadings(DatagramSocket board, int port, int count) throws IOException {
    InetAddress to = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    for (int i = 0; i < count; i++) {
      byte[] data =
          String.format("{\"dev\":17,\"seq\":%08d,\"t\":21.50,\"rh\":40.25}\n", i)
              .getBytes(StandardCharsets.US_ASCII);
      board.send(new DatagramPacket(data, data.length, to, port));
    }
  }

  /** A page that upgrades to a WebSocket and then never reads. */
  private static Socket stuckPage(UiHarness ui, String source) throws IOException {
    Socket s = new Socket();
    s.setReceiveBufferSize(4096);
    s.bind(new InetSocketAddress(source, 0));
    s.connect(new InetSocketAddress("127.0.0.1", ui.server.port()), 5000);
    s.getOutputStream()
        .write(
            ("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:"
                    + ui.server.port()
                    + "\r\n"
                    + ui.tokenHeader()
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
    return s;
  }

  /** How long GET /api/state takes, in ms; it must answer 200. */
  private static long stateMillis(UiHarness ui) throws Exception {
    long start = System.nanoTime();
    UiHarness.Reply r = ui.get("/api/state");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.status()).isEqualTo(200);
    return millis;
  }

  /**
   * RSS once it stops moving (within 4 MiB over 300 ms): memory that earlier tests free in the
   * background would otherwise count against this one. No collection first: a heap that a full
   * collection shrank would grow back during the test and count as its cost.
   */
  private static long settledRss() {
    long[] last = {-1};
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              long now = rssBytes();
              boolean settled = last[0] >= 0 && Math.abs(now - last[0]) < 4 * MIB;
              last[0] = now;
              return settled;
            });
    return last[0];
  }

  private static long rssBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new AssertionError("no VmRSS in /proc/self/status");
  }

  /**
   * The heap the JVM has committed. A heap that shrinks (G1 gives memory back after a collection,
   * e.g. after an earlier test) lowers RSS; the RSS growth above adds that back, so it does not
   * hide what the pages cost.
   */
  private static long heapCommitted() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
  }

  private static long openFds() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }

  /** Heap in use after two full collections. */
  private static long liveHeap() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
