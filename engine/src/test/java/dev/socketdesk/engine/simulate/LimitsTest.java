package dev.socketdesk.engine.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socketdesk.engine.HostPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class LimitsTest {
  private static SimulationConfig clients(int count) {
    return SimulationConfig.builder(Profile.PERIODIC_CLIENT)
        .target(new HostPort("127.0.0.1", 10000))
        .count(count)
        .build();
  }

  @Test
  void warnsWhenCountExceedsTheOpenFileLimit() {
    Limits limits = new Limits(1024, 40, 32768, 60999);
    assertThat(limits.warnings(clients(500))).isEmpty();
    assertThat(limits.warnings(clients(2000)))
        .singleElement()
        .asString()
        .contains("2000 devices need 2000 sockets")
        .contains("open-file limit (ulimit -n) is 1024")
        .contains("ulimit -n 2104")
        .endsWith("or run fewer devices");
  }

  @Test
  void warnsWhenCountExceedsTheLocalPortRange() {
    Limits limits = new Limits(1_000_000, 40, 32768, 60999);
    assertThat(limits.localPorts()).isEqualTo(28232);
    assertThat(limits.warnings(clients(30_000)))
        .singleElement()
        .asString()
        .contains("30000 devices exceed the 28232 local ports")
        .contains("32768-60999")
        .endsWith("widen net.ipv4.ip_local_port_range or add source addresses");
  }

  @Test
  void eachSourceAddressAddsItsOwnLocalPorts() throws Exception {
    Limits limits = new Limits(1_000_000, 40, 32768, 60999);
    SimulationConfig.Builder b =
        SimulationConfig.builder(Profile.ECHO_CLIENT)
            .target(new dev.socketdesk.engine.HostPort("127.0.0.1", 1))
            .count(50_000);
    java.util.List<java.net.InetAddress> two =
        java.util.List.of(
            java.net.InetAddress.getByName("127.0.0.2"),
            java.net.InetAddress.getByName("127.0.0.3"));
    assertThat(limits.warnings(b.sourceAddresses(two).build())).isEmpty();
    assertThat(limits.warnings(b.count(60_000).build()))
        .singleElement()
        .asString()
        .contains("exceed the 56464 local ports")
        .contains("times 2 source addresses");
  }

  @Test
  void readsTheRealLimitsOfThisProcess() {
    Limits limits = Limits.current();
    assertThat(limits.maxOpenFiles()).isPositive();
    assertThat(limits.openFiles()).isPositive();
    assertThat(limits.localPorts()).isPositive();
    long tooMany = Math.min(limits.maxOpenFiles() + 1, Integer.MAX_VALUE);
    assertThat(limits.warnings(clients((int) tooMany))).anyMatch(w -> w.contains("ulimit -n"));
  }

  @Test
  void parsesProcFiles(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("limits");
    Files.writeString(
        file,
        "Limit                     Soft Limit           Hard Limit           Units     \n"
            + "Max open files            20000                20000                files     \n");
    assertThat(Limits.readMaxOpenFiles(file)).isEqualTo(20000);
    Path range = dir.resolve("range");
    Files.writeString(range, "32768\t60999\n");
    assertThat(Limits.readPortRange(range)).containsExactly(32768, 60999);
    assertThat(Limits.readMaxOpenFiles(dir.resolve("missing"))).isEqualTo(-1);
  }

  @Test
  @Timeout(20)
  void warningsGoIntoTheSummary() throws Exception {
    try (Simulation sim = new Simulation(clients(5000))) {
      assertThat(sim.checkLimits(new Limits(1024, 40, 32768, 60999))).hasSize(1);
      Summary summary = sim.stop().get(5, TimeUnit.SECONDS);
      assertThat(summary.warnings()).singleElement().asString().contains("ulimit -n");
    }
  }

  @Test
  void badSettingsGetOneLineMessages() {
    assertThatThrownBy(() -> SimulationConfig.builder(Profile.ECHO_CLIENT).build())
        .hasMessage("echo-client needs a target; give HOST:PORT, e.g. 127.0.0.1:10000");
    assertThatThrownBy(() -> clients(0))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.setting()).isEqualTo(InvalidSettingException.Setting.COUNT);
              assertThat(e.problem()).isEqualTo("0 is too small; use 1 or more");
            })
        .hasMessage("count 0 is too small; use 1 or more");
    assertThatThrownBy(
            () ->
                SimulationConfig.builder(Profile.ECHO_CLIENT)
                    .target(HostPort.parse("127.0.0.1:10000"))
                    .connectTimeout(Duration.ZERO)
                    .build())
        .hasMessage("connect timeout PT0S is too short; use e.g. 5s");
    assertThatThrownBy(() -> Profile.parse("toaster"))
        .hasMessageStartingWith("unknown profile 'toaster'; use one of echo-client");
    assertThatThrownBy(
            () ->
                SimulationConfig.builder(Profile.TCP_ECHO_SERVER).bind(null, 5001).count(3).build())
        .hasMessageContaining("does not apply to tcp-echo-server");
  }
}
