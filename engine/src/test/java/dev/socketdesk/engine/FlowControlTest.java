package dev.socketdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Slow listeners and slow peers never lose data and never grow memory without bound. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FlowControlTest {
  private static final int SIZE = 32 << 20;

  /**
   * Reading pauses once listeners are 8 MiB behind (EventDispatcher.HIGH_WATER), counting 128 bytes
   * per event besides its data; with reads of at least 512 bytes that is more than 6 MiB of data.
   */
  private static final long LISTENER_HIGH_WATER = 6L << 20;

  @Test
  void aStalledListenerPausesReadingAndLosesNothing() throws Exception {
    try (Engine engine = Engine.create(1)) {
      CountDownLatch release = new CountDownLatch(1);
      AtomicLong seen = new AtomicLong();
      MessageDigest seenDigest = MessageDigest.getInstance("SHA-256");
      Session server = engine.tcpServer(TcpServerConfig.listen("127.0.0.1", 0));
      server.addListener(
          event -> {
            if (event instanceof SessionEvent.Received r) {
              awaitQuietly(release);
              seen.addAndGet(r.data().length);
              seenDigest.update(r.data());
            }
          });
      int port = server.open().get(5, TimeUnit.SECONDS).getPort();
      byte[] data = random(SIZE, 7);
      CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(port, data));

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> server.counters().bytesIn() > LISTENER_HIGH_WATER);
      long pausedAt = server.counters().bytesIn();
      assertThat(pausedAt).as("reading pauses while the listener is stalled").isLessThan(SIZE);
      assertThat(sending).isNotDone();

      release.countDown();
      sending.get(30, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(30)).until(() -> seen.get() == SIZE);
      assertThat(seenDigest.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
      assertThat(server.counters().bytesIn()).isEqualTo(SIZE);
    }
  }

  @Test
  void echoToAPeerThatDoesNotReadStopsReadingInsteadOfBuffering() throws Exception {
    try (Engine engine = Engine.create(1)) {
      Session server =
          engine.tcpServer(
              TcpServerConfig.listen("127.0.0.1", 0).withActions(AutoActions.echo(new byte[0])));
      int port = server.open().get(5, TimeUnit.SECONDS).getPort();
      byte[] data = random(SIZE, 11);
      try (Socket peer = new Socket("127.0.0.1", port)) {
        CompletableFuture<Void> sending =
            CompletableFuture.runAsync(
                () -> {
                  try {
                    peer.getOutputStream().write(data);
                    peer.shutdownOutput();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
        await().atMost(Duration.ofSeconds(10)).until(() -> server.counters().bytesIn() > 0);
        await()
            .atMost(Duration.ofSeconds(10))
            .pollDelay(Duration.ofMillis(300))
            .until(() -> !sending.isDone());
        assertThat(server.counters().bytesIn()).isLessThan(SIZE);

        MessageDigest echoed = MessageDigest.getInstance("SHA-256");
        InputStream in = peer.getInputStream();
        byte[] buf = new byte[65536];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
          echoed.update(buf, 0, n);
          total += n;
        }
        sending.get(10, TimeUnit.SECONDS);
        assertThat(total).isEqualTo(SIZE);
        assertThat(echoed.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
      }
      assertThat(server.counters().bytesOut()).isEqualTo(SIZE);
    }
  }

  private static void send(int port, byte[] data) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream out = s.getOutputStream();
      out.write(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] random(int size, long seed) {
    byte[] data = new byte[size];
    new Random(seed).nextBytes(data);
    return data;
  }
}
