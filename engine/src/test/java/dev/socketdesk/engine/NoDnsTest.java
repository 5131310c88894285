package dev.socketdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The test JVMs resolve names from the repository's hosts file ({@code .ci/hosts}, passed by the
 * parent pom as {@code -Djdk.net.hosts.file}), never through DNS: an unknown name fails at once,
 * and localhost still resolves to loopback only.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class NoDnsTest {

  @Test
  void testsResolveFromTheRepositoryHostsFile() throws Exception {
    String hostsFile = System.getProperty("jdk.net.hosts.file");
    assertThat(hostsFile).as("jdk.net.hosts.file").endsWith("/.ci/hosts");
    assertThat(Files.readAllLines(Path.of(hostsFile)))
        .containsExactly("127.0.0.1 localhost", "::1 localhost");
  }

  @Test
  void anUnknownNameFailsAtOnceWithoutAskingDns() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> InetAddress.getByName("no-such-board.invalid"))
        .isInstanceOf(UnknownHostException.class);
    // A hosts-file miss takes microseconds; a DNS query that cannot be answered takes seconds.
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_000);
  }

  @Test
  void localhostStillResolvesToLoopbackOnly() throws Exception {
    InetAddress[] all = InetAddress.getAllByName("localhost");
    assertThat(all).isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
    assertThat(Arrays.stream(all).map(InetAddress::getHostAddress))
        .containsAnyOf("127.0.0.1", "0:0:0:0:0:0:0:1");
  }
}
