package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 64 MiB of random bytes through {@code tcp-server --echo --quiet} come back byte-identical. */
@Timeout(120)
class NoDataLostIT {
  private static final int TOTAL = 64 << 20;
  private static final int CHUNK = 64 << 10;

  @Test
  void echoServerReturnsEveryByteAndCountsExactly() throws Exception {
    try (JarProcess jar =
        JarProcess.start(
            "tcp-server",
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--echo",
            "--quiet",
            "--json",
            "--input",
            "none")) {
      int port = jar.listeningPort();
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        socket.setSoTimeout(30_000);
        CompletableFuture<String> sentDigest =
            CompletableFuture.supplyAsync(() -> writeRandom(socket));
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long count = 0;
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[CHUNK];
        for (int n; (n = in.read(buffer)) >= 0; ) {
          received.update(buffer, 0, n);
          count += n;
        }
        assertThat(count).isEqualTo(TOTAL);
        assertThat(HexFormat.of().formatHex(received.digest()))
            .isEqualTo(sentDigest.get(30, TimeUnit.SECONDS));
      }
      assertThat(jar.event("closed").path("peerId").asInt()).isEqualTo(1);
      jar.terminate();
      JsonNode summary = jar.event("summary");
      assertThat(summary.path("bytesIn").asLong()).isEqualTo(TOTAL);
      assertThat(summary.path("bytesOut").asLong()).isEqualTo(TOTAL);
      assertThat(summary.path("messagesIn").asLong()).isPositive();
      jar.exitCode();
      assertThat(jar.err()).isEmpty();
    }
  }

  /** Writes 64 MiB of seeded random bytes, half-closes, and returns their SHA-256. */
  private static String writeRandom(Socket socket) {
    try {
      MessageDigest sent = MessageDigest.getInstance("SHA-256");
      Random random = new Random(20261121L);
      byte[] chunk = new byte[CHUNK];
      OutputStream out = socket.getOutputStream();
      for (int written = 0; written < TOTAL; written += CHUNK) {
        random.nextBytes(chunk);
        sent.update(chunk);
        out.write(chunk);
      }
      out.flush();
      socket.shutdownOutput();
      return HexFormat.of().formatHex(sent.digest());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
