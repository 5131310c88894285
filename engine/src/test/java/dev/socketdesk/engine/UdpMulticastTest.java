package dev.socketdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Multicast joins, kept on the loopback interface so no traffic leaves the machine. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UdpMulticastTest {

  @Test
  void joinsAGroupOnTheLoopbackInterface() throws Exception {
    try (Engine engine = Engine.create(1)) {
      Session udp =
          engine.udp(UdpConfig.bind(null, 0).withMulticast(List.of("239.255.42.99"), "lo"));
      assertThat(udp.open().get(10, TimeUnit.SECONDS).getPort()).isPositive();
      assertThat(udp.state()).isEqualTo(SessionState.OPEN);
    }
  }

  @Test
  void aGroupThatIsNotMulticastIsRefusedBeforeAnythingOpens() {
    UdpConfig udp = UdpConfig.bind(null, 0);
    assertThatThrownBy(() -> udp.withMulticast(List.of("10.1.2.3"), "lo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("10.1.2.3 is not a multicast address; use one in 224.0.0.0/4 or ff00::/8");
    assertThatThrownBy(() -> udp.withMulticast(List.of("::1"), null))
        .hasMessage("::1 is not a multicast address; use one in 224.0.0.0/4 or ff00::/8");
    assertThatThrownBy(() -> udp.withMulticast(List.of(" "), null))
        .hasMessage("the multicast group is empty; use an address in 224.0.0.0/4 or ff00::/8");
    assertThat(udp.withMulticast(List.of("239.1.2.3", "ff02::1"), null).multicastGroups())
        .containsExactly("239.1.2.3", "ff02::1");
  }

  @Test
  void aGroupNamedByAHostThatIsNotMulticastIsRefusedWhenJoining() {
    try (Engine engine = Engine.create(1)) {
      Session udp = engine.udp(UdpConfig.bind(null, 0).withMulticast(List.of("localhost"), "lo"));
      Throwable e = catchThrowable(() -> udp.open().get(10, TimeUnit.SECONDS));
      assertThat(e.getCause())
          .hasMessage("localhost is not a multicast address; use one in 224.0.0.0/4 or ff00::/8");
      assertThat(udp.state()).isEqualTo(SessionState.FAILED);
    }
  }

  @Test
  void anUnknownInterfaceIsNamed() {
    try (Engine engine = Engine.create(1)) {
      Session udp =
          engine.udp(UdpConfig.bind(null, 0).withMulticast(List.of("239.255.42.99"), "nosuch0"));
      Throwable e = catchThrowable(() -> udp.open().get(10, TimeUnit.SECONDS));
      assertThat(e.getCause().getMessage())
          .startsWith("network interface 'nosuch0' does not exist; use one of [")
          .contains("lo");
    }
  }
}
