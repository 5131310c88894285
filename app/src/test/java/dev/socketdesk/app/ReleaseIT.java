package dev.socketdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socketdesk.engine.testing.ExternalTools;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release zip ({@code mvn -Prelease package}) as a user gets it: unzipped with unzip, checked
 * against its SHA-256 file, and run through its sh launcher.
 */
@Timeout(120)
class ReleaseIT {
  @TempDir static Path dir;
  static Path zip;
  static Path home;

  @BeforeAll
  static void unzip() throws Exception {
    ExternalTools.require("unzip", "unzip");
    String built = System.getProperty("socketdesk.releaseZip");
    assertThat(built)
        .as("socketdesk.releaseZip, set by the release profile (mvn -Prelease verify)")
        .isNotNull();
    zip = Path.of(built);
    assertThat(zip).as("built by mvn -Prelease package").isRegularFile();
    Process p =
        new ProcessBuilder("unzip", "-q", zip.toString(), "-d", dir.toString()).inheritIO().start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    try (Stream<Path> top = Files.list(dir)) {
      home = top.filter(Files::isDirectory).findFirst().orElseThrow();
    }
  }

  /** Runs the sh launcher with {@code input} on stdin; returns exit code, stdout and stderr. */
  private static String[] run(Map<String, String> env, byte[] input, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(home.resolve("socketdesk").toString()));
    command.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(command);
    b.environment().put("JAVA_HOME", System.getProperty("java.home"));
    b.environment()
        .put(
            "SOCKETDESK_JAVA_OPTS",
            "-Djdk.net.hosts.file="
                + System.getProperty("jdk.net.hosts.file")
                + " -Dvertx.disableDnsResolver=true");
    b.environment().putAll(env);
    Process p = b.start();
    CompletableFuture<byte[]> out =
        CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
    try (OutputStream stdin = p.getOutputStream()) {
      stdin.write(input);
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the launcher exits").isTrue();
    return new String[] {
      String.valueOf(p.exitValue()),
      new String(out.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8),
      new String(err.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8)
    };
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  @Test
  void theZipHoldsTheJarTheLaunchersAndAReadmeAndMatchesItsChecksum() throws Exception {
    assertThat(home.resolve("socketdesk.jar")).isRegularFile();
    assertThat(home.resolve("README.txt")).isRegularFile();
    assertThat(Files.isExecutable(home.resolve("socketdesk"))).as("sh launcher mode 755").isTrue();
    String cmd = Files.readString(home.resolve("socketdesk.cmd"));
    assertThat(cmd).contains("\r\n").contains("ui --open").contains("%*");
    String sha = Files.readString(Path.of(zip + ".sha256")).trim();
    String actual =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(zip)));
    assertThat(sha).isEqualTo(actual + "  " + zip.getFileName());
  }

  @Test
  void versionRunsAndTheSecondStartUsesTheClassDataArchive() throws Exception {
    String[] first = run(Map.of(), new byte[0], "--version");
    assertThat(first[0]).as(first[2]).isEqualTo("0");
    assertThat(first[1]).startsWith("socketdesk ").contains("(Java ");
    assertThat(first[2]).isEmpty();
    // The first start trains the archive beside itself (Java 17 and 18) or writes it at exit.
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              try (Stream<Path> archives = Files.list(home.resolve(".cds"))) {
                assertThat(archives.map(p -> p.getFileName().toString()))
                    .singleElement()
                    .asString()
                    .startsWith("socketdesk-java-")
                    .endsWith(".jsa");
              }
            });
    String[] second = run(Map.of(), new byte[0], "--version");
    assertThat(second[0]).isEqualTo("0");
    assertThat(second[1]).isEqualTo(first[1]);
    assertThat(second[2]).isEmpty();
  }

  @Test
  void aOneShotTcpClientSendsAndPrintsTheAnswer() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> received =
          CompletableFuture.supplyAsync(
              () -> {
                try (Socket s = server.accept()) {
                  String got =
                      new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                  s.getOutputStream().write(("got " + got).getBytes(StandardCharsets.UTF_8));
                  return got;
                } catch (IOException e) {
                  return "<" + e + ">";
                }
              });
      String[] r =
          run(
              Map.of(),
              "hi".getBytes(StandardCharsets.UTF_8),
              "tcp-client",
              "127.0.0.1:" + server.getLocalPort());
      assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo("hi");
      assertThat(r[0]).as(r[2]).isEqualTo("0");
      assertThat(r[1]).contains("got hi");
    }
  }

  @Test
  void withoutJavaTheLauncherSaysInOneLineHowToGetIt() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("no-java-bin"));
    Files.createSymbolicLink(bin.resolve("dirname"), Path.of("/usr/bin/dirname"));
    ProcessBuilder b =
        new ProcessBuilder("/bin/sh", home.resolve("socketdesk").toString(), "--version");
    b.environment().remove("JAVA_HOME");
    b.environment().put("PATH", bin.toString());
    b.redirectErrorStream(true);
    Process p = b.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(1);
    assertThat(out)
        .startsWith("socketdesk: Java 17 or newer is needed and none was found; install it")
        .contains("https://adoptium.net")
        .hasLineCount(1);
  }
}
